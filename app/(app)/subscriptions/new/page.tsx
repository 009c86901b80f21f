import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionForm } from "@/components/subscriptions/subscription-form";
import { prefilledSubscriptionValues } from "@/components/subscriptions/subscription-form-values";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { playbookChoices } from "@/lib/playbooks/library";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("addTitle") };
}

export default async function NewSubscriptionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const [t, query] = await Promise.all([getTranslations("subscriptions"), searchParams]);
  return (
    <>
      <PageHeader title={t("addTitle")} description={t("addSubtitle")} />
      <Card>
        <SubscriptionForm
          cancelHref="/subscriptions"
          values={prefilledSubscriptionValues(query)}
          playbooks={playbookChoices()}
        />
      </Card>
    </>
  );
}
