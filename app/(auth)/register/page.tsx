import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RegisterView } from "@/components/auth/register-view";
import { allowRegistration, passwordLogin } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("createAccount") };
}

export default async function RegisterPage() {
  // PASSWORD_LOGIN=false: single sign-on only, so no password to make or reset here.
  if (!passwordLogin()) notFound();
  const t = await getTranslations("auth");
  return <RegisterView open={allowRegistration()} t={t} />;
}
