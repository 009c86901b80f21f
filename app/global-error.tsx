"use client";

import "./globals.css";

// The root layout itself failed, so nothing of the app is here: no catalog,
// no provider. The few words this page needs are kept in both languages.
const TEXT = {
  en: {
    title: "Something went wrong",
    body: "CancelCase could not show this page. Nothing you saved is lost.",
    retry: "Try again",
    back: "Go to the start",
  },
  "zh-CN": {
    title: "出了点问题",
    body: "CancelCase 没能显示这个页面。你已保存的内容不会丢失。",
    retry: "重试",
    back: "回到首页",
  },
} as const;

function language(): keyof typeof TEXT {
  if (typeof document === "undefined") return "en";
  const chosen = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(document.cookie)?.[1];
  const wanted = chosen ?? navigator.language;
  return wanted.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const lang = language();
  const t = TEXT[lang];
  return (
    <html lang={lang}>
      <body className="min-h-dvh font-sans">
        <main
          id="main"
          role="alert"
          className="mx-auto flex max-w-md flex-col items-center px-6 py-24 text-center"
        >
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t.body}</p>
          <div className="mt-6 flex gap-3">
            <button
              type="button"
              onClick={reset}
              className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white"
            >
              {t.retry}
            </button>
            {/* A full load on purpose: the app that would route a <Link> is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a
              href="/"
              className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-700"
            >
              {t.back}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
