import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import type { getTranslations } from "next-intl/server";

/** Where a reset mail's link lands: a new password for the link's token. */
export function ResetPasswordView({
  token,
  t,
}: {
  token: string;
  t: Awaited<ReturnType<typeof getTranslations<"auth">>>;
}) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        {t("resetTitle")}
      </h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">{t("resetSubtitle")}</p>
      <ResetPasswordForm token={token} />
    </>
  );
}
