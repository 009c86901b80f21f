import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ResetPasswordView } from "@/components/auth/reset-password-view";
import { passwordLogin } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("resetTitle") };
}

/** Where a reset mail's link lands: the token comes with it; the form checks it when sent. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  // PASSWORD_LOGIN=false: single sign-on only, so no password to reset here.
  if (!passwordLogin()) notFound();
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  return <ResetPasswordView token={typeof token === "string" ? token.slice(0, 100) : ""} t={t} />;
}
