import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginView } from "@/components/auth/login-view";
import { baseUrl } from "@/lib/config";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("logIn") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const [{ callbackUrl, notice }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  return (
    <LoginView
      callbackUrl={safeRedirectPath(
        typeof callbackUrl === "string" ? callbackUrl : null,
        baseUrl(),
      )}
      notice={notice}
      t={t}
    />
  );
}
