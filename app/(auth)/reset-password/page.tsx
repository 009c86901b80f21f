import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

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
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("resetTitle")}
      </h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("resetSubtitle")}</p>
      <ResetPasswordForm token={typeof token === "string" ? token.slice(0, 100) : ""} />
    </>
  );
}
