import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterView } from "@/components/auth/register-view";
import { allowRegistration } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("createAccount") };
}

export default async function RegisterPage() {
  const t = await getTranslations("auth");
  return <RegisterView open={allowRegistration()} t={t} />;
}
