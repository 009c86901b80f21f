import { LoginForm } from "@/components/auth/login-form";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { SsoError, SsoSignIn } from "@/components/auth/sso-sign-in";
import type { OidcLoginError } from "@/lib/domain/oidc-refusals";
import { Link } from "@/components/ui/link";
import type { getTranslations } from "next-intl/server";

// The notices a redirect to the login page may ask for (?notice=), and their messages.
const NOTICES = {
  "password-changed": "passwordChanged",
  "account-deleted": "accountDeleted",
  "signed-out": "sessionEnded",
} as const;

/** Signing in, with a notice when another page sent the person here (?notice=). */
export function LoginView({
  callbackUrl,
  notice,
  sso,
  passwords,
  t,
}: {
  /** Where to go once signed in: already checked to be a path of this app. */
  callbackUrl: string;
  notice: string | undefined;
  /** Single sign-on when configured: its button, and why the last one was refused. */
  sso: {
    label: string | null;
    error: OidcLoginError | null;
    t: Parameters<typeof SsoSignIn>[0]["t"];
  } | null;
  /** PASSWORD_LOGIN: false hides the password form, the reset and the sign-up. */
  passwords: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"auth">>>;
}) {
  const noticeKey =
    notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("loginTitle")}
      </h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("loginSubtitle")}</p>
      {sso ? <SsoError error={sso.error} t={sso.t} /> : null}
      {passwords ? (
        <LoginForm
          callbackUrl={callbackUrl}
          notice={noticeKey ? t(noticeKey) : undefined}
          firstStepOnly={<PasskeySignInButton callbackUrl={callbackUrl} className="mt-5" />}
        />
      ) : null}
      {sso ? (
        <SsoSignIn
          label={sso.label}
          t={sso.t}
          callbackUrl={callbackUrl}
          primary={!passwords}
          className={passwords ? "mt-5" : ""}
        />
      ) : null}
      {/* With passwords on, the login form shows it under its first step only. */}
      {passwords ? null : <PasskeySignInButton callbackUrl={callbackUrl} className="mt-5" />}
      {passwords ? (
        <>
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
      ) : null}
    </>
  );
}
