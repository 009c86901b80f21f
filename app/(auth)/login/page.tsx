import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginView } from "@/components/auth/login-view";
import { baseUrl, oidcSettings, passwordLogin } from "@/lib/config";
import { isOidcLoginError } from "@/lib/domain/oidc-refusals";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("logIn") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string; error?: string }>;
}) {
  const [{ callbackUrl, notice, error }, t, to] = await Promise.all([
    searchParams,
    getTranslations("auth"),
    getTranslations("oidc"),
  ]);
  const settings = oidcSettings();
  return (
    <LoginView
      callbackUrl={safeRedirectPath(
        typeof callbackUrl === "string" ? callbackUrl : null,
        baseUrl(),
      )}
      notice={notice}
      sso={
        settings
          ? { label: settings.label, error: isOidcLoginError(error) ? error : null, t: to }
          : null
      }
      passwords={passwordLogin()}
      t={t}
    />
  );
}
