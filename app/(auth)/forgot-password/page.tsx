import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordView } from "@/components/auth/forgot-password-view";
import { mailConfigured } from "@/lib/mail/transport";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return <ForgotPasswordView mailAvailable={mailConfigured()} t={t} />;
}
