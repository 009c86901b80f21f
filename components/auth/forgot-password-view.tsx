import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import type { getTranslations } from "next-intl/server";

/** Asking for a reset link, or, on a server that sends no mail, who to ask instead. */
export function ForgotPasswordView({
  mailAvailable,
  t,
}: {
  mailAvailable: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"auth">>>;
}) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("forgotTitle")}
      </h1>
      {mailAvailable ? (
        <>
          <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("forgotSubtitle")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <div className="mt-6" data-testid="no-mail">
          <Alert tone="info">{t("forgotNoMail")}</Alert>
        </div>
      )}
      <p className="mt-8 text-center text-sm">
        <Link
          href="/login"
          className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
        >
          {t("backToLogin")}
        </Link>
      </p>
    </>
  );
}
