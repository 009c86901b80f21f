import type { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import type { OidcLoginError } from "@/lib/domain/oidc-refusals";

/** Why the last single sign-on was refused (?error=): first on the page, where the eye lands. */
export function SsoError({
  error,
  t,
}: {
  error: OidcLoginError | null;
  t: Awaited<ReturnType<typeof getTranslations<"oidc">>>;
}) {
  if (!error) return null;
  return (
    <div className="mb-5">
      <Alert tone="error" testId="sso-error">
        {t(`errors.${error}`)}
      </Alert>
    </div>
  );
}

/**
 * The login page's single-sign-on button, a plain link: the start route
 * answers with a redirect to the provider, so no script is needed.
 */
export function SsoSignIn({
  label,
  callbackUrl,
  primary,
  t,
  className = "",
}: {
  /** OIDC_LABEL, or null for the translated "single sign-on". */
  label: string | null;
  callbackUrl: string;
  /** The only way in (PASSWORD_LOGIN=false): the primary button. */
  primary: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"oidc">>>;
  className?: string;
}) {
  const href = `/api/auth/oidc/start?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <a
      href={href}
      className={buttonClasses(
        primary ? "primary" : "secondary",
        `w-full text-center break-words ${className}`,
      )}
      data-testid="sso-sign-in"
    >
      {label ? t("signInWith", { label }) : t("signInDefault")}
    </a>
  );
}
