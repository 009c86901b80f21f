import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionForm } from "@/components/subscriptions/subscription-form";
import { subscriptionFormValues } from "@/components/subscriptions/subscription-form-values";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { playbookChoices } from "@/lib/playbooks/library";
import { getSubscription } from "@/lib/data/subscriptions";
import { orNotFound } from "@/lib/http/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("editTitle") };
}

export default async function EditSubscriptionPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const [s, t] = await Promise.all([
    orNotFound(getSubscription(user, id)),
    getTranslations("subscriptions"),
  ]);
  return (
    <>
      <PageHeader title={t("editTitle")} description={s.provider} />
      <Card>
        <SubscriptionForm
          cancelHref={`/subscriptions/${s.id}`}
          values={subscriptionFormValues(s)}
          playbooks={playbookChoices()}
        />
      </Card>
    </>
  );
}
