import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ForgotPasswordView } from "@/components/auth/forgot-password-view";
import { passwordLogin } from "@/lib/config";
import { mailConfigured } from "@/lib/mail/transport";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  // PASSWORD_LOGIN=false: single sign-on only, so no password to make or reset here.
  if (!passwordLogin()) notFound();
  const t = await getTranslations("auth");
  return <ForgotPasswordView mailAvailable={mailConfigured()} t={t} />;
}
