import { RegisterForm } from "@/components/auth/register-form";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import type { getTranslations } from "next-intl/server";

/** Signing up, or the notice that this server takes no new accounts. */
export function RegisterView({
  open,
  t,
}: {
  /** ALLOW_REGISTRATION: whether this server takes new accounts. */
  open: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"auth">>>;
}) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("registerTitle")}
      </h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("registerSubtitle")}</p>
      {open ? <RegisterForm /> : <Alert tone="info">{t("registrationClosed")}</Alert>}
      <p className="mt-8 text-center text-sm text-slate-600 dark:text-slate-400">
        {t("haveAccount")}{" "}
        <Link
          href="/login"
          className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
        >
          {t("loginLink")}
        </Link>
      </p>
    </>
  );
}
