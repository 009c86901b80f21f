import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionImportForm } from "@/components/subscriptions/subscription-import-form";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("importTitle") };
}

/** Moving from Wallos (or a spreadsheet) in one step. */
export default async function ImportSubscriptionsPage() {
  await requireUser();
  const t = await getTranslations("subscriptions");
  return (
    <>
      <BackLink href="/subscriptions" label={t("back")} />
      <PageHeader title={t("importTitle")} description={t("importDescription")} />
      <Card>
        <SubscriptionImportForm />
      </Card>
      <section className="mt-6 space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <h2 className="font-semibold text-slate-900 dark:text-white">{t("importHowTitle")}</h2>
        <p>{t("importHowWallos")}</p>
        <p>{t("importHowCsv")}</p>
        <pre className="overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          {
            "provider,plan,category,amount,currency,billingCycle,nextRenewalOn\nMint Mobile,Unlimited,mobile,30,USD,monthly,2026-12-15"
          }
        </pre>
      </section>
    </>
  );
}
