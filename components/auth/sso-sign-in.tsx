import type { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import type { OidcLoginError } from "@/lib/domain/oidc-refusals";

/**
 * The login page's single sign-on: why the last one was refused (?error=),
 * and the button, a plain link: the start route answers with a redirect to
 * the provider, so no script is needed.
 */
export function SsoSignIn({
  label,
  callbackUrl,
  error,
  primary,
  t,
  className = "",
}: {
  /** OIDC_LABEL, or null for the translated "single sign-on". */
  label: string | null;
  callbackUrl: string;
  error: OidcLoginError | null;
  /** The only way in (PASSWORD_LOGIN=false): the primary button. */
  primary: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"oidc">>>;
  className?: string;
}) {
  const href = `/api/auth/oidc/start?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className={`space-y-3 ${className}`}>
      {error ? (
        <Alert tone="error" testId="sso-error">
          {t(`errors.${error}`)}
        </Alert>
      ) : null}
      <a
        href={href}
        className={buttonClasses(primary ? "primary" : "secondary", "w-full break-words")}
        data-testid="sso-sign-in"
      >
        {label ? t("signInWith", { label }) : t("signInDefault")}
      </a>
    </div>
  );
}
