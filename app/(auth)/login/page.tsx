import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { LoginForm } from "@/components/auth/login-form";
import { baseUrl } from "@/lib/config";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("logIn") };
}

const NOTICES = {
  "password-changed": "passwordChanged",
  "account-deleted": "accountDeleted",
  "signed-out": "sessionEnded",
} as const;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const t = await getTranslations("auth");
  const noticeKey =
    notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("loginTitle")}
      </h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("loginSubtitle")}</p>
      <LoginForm
        callbackUrl={safeRedirectPath(
          typeof callbackUrl === "string" ? callbackUrl : null,
          baseUrl(),
        )}
        notice={noticeKey ? t(noticeKey) : undefined}
      />
      <p className="mt-4 text-right text-sm">
        <Link
          href="/forgot-password"
          className="font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
        >
          {t("forgotLink")}
        </Link>
      </p>
      <p className="mt-8 text-center text-sm text-slate-600 dark:text-slate-400">
        {t("noAccount")}{" "}
        <Link
          href="/register"
          className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
        >
          {t("registerLink")}
        </Link>
      </p>
    </>
  );
}
