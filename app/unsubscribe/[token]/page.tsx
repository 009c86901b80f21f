import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Logo } from "@/components/ui/logo";
import { unsubscribeTokenUser } from "@/lib/crypto/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The unsubscribe link in a reminder email's body. Opening it changes
 * nothing (mail scanners open links); the button does, without a session.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  if (!unsubscribeTokenUser(token)) notFound();
  const done = (await searchParams).done === "1";
  const t = await getTranslations("unsubscribe");
  const common = await getTranslations("common");
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col px-4 py-6">
      <header>
        <Logo name={common("appName")} />
      </header>
      <main id="main" className="flex flex-1 items-center">
        <div className="w-full rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-2xl font-bold tracking-tight text-balance text-slate-900 dark:text-white">
            {t("title")}
          </h1>
          {done ? (
            <div className="mt-4" data-testid="unsubscribed">
              <Alert tone="success">{t("done")}</Alert>
            </div>
          ) : (
            <>
              <p className="mt-2 text-pretty text-slate-600 dark:text-slate-400">{t("body")}</p>
              <form method="post" action={`/api/unsubscribe/${token}`} className="mt-6">
                <Button type="submit">{t("confirm")}</Button>
              </form>
            </>
          )}
          <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
            {t("settingsHint")}{" "}
            <Link
              href="/settings#notifications"
              className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
            >
              {t("settingsLink")}
            </Link>
          </p>
        </div>
      </main>
    </div>
  );
}
