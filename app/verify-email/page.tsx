import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Logo } from "@/components/ui/logo";
import { confirmEmailLinkAction } from "@/lib/actions/email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailVerification");
  return { title: t("page.title"), robots: { index: false } };
}

const OUTCOMES = {
  verified: { tone: "success", key: "page.verified" },
  changed: { tone: "success", key: "page.changed" },
  taken: { tone: "error", key: "page.taken" },
  failed: { tone: "error", key: "page.failed" },
} as const;

/**
 * Where a verification or change link lands, signed in or not (outside the
 * (auth) group, which sends a signed-in person away). Opening it changes
 * nothing, since mail scanners open links; the button does.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token, done } = await searchParams;
  const [t, common] = await Promise.all([
    getTranslations("emailVerification"),
    getTranslations("common"),
  ]);
  const outcome = done && done in OUTCOMES ? OUTCOMES[done as keyof typeof OUTCOMES] : null;
  const link = typeof token === "string" ? token.slice(0, 100) : "";
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col px-4 py-6">
      <header>
        <Logo name={common("appName")} />
      </header>
      <main id="main" className="flex flex-1 items-center">
        <div className="w-full rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-2xl font-bold tracking-tight text-balance text-slate-900 dark:text-white">
            {t("page.title")}
          </h1>
          {outcome ? (
            <div className="mt-4" data-testid="email-link-outcome">
              <Alert tone={outcome.tone}>{t(outcome.key)}</Alert>
            </div>
          ) : link ? (
            <>
              <p className="mt-2 text-pretty text-slate-600 dark:text-slate-400">
                {t("page.body")}
              </p>
              <form action={confirmEmailLinkAction} className="mt-6">
                <input type="hidden" name="token" value={link} />
                <Button type="submit">{t("page.confirm")}</Button>
              </form>
            </>
          ) : (
            <p className="mt-2 text-pretty text-slate-600 dark:text-slate-400">
              {t("page.missing")}
            </p>
          )}
          <p className="mt-6 text-sm">
            <Link
              href="/settings#email"
              className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
            >
              {t("page.toSettings")}
            </Link>
          </p>
        </div>
      </main>
    </div>
  );
}
