import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionForm } from "@/components/subscriptions/subscription-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getSubscription } from "@/lib/data/subscriptions";
import { formatMajorAmount } from "@/lib/domain/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { defaultPatterns } from "@/lib/domain/merchant-patterns";

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

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
  const s = await orNotFound(getSubscription(user, id));
  const t = await getTranslations("subscriptions");
  return (
    <>
      <PageHeader title={t("editTitle")} description={s.provider} />
      <Card>
        <SubscriptionForm
          cancelHref={`/subscriptions/${s.id}`}
          values={{
            id: s.id,
            provider: s.provider,
            category: s.category,
            plan: s.plan ?? "",
            amount: formatMajorAmount(s.amount, s.currency),
            currency: s.currency,
            billingCycle: s.billingCycle,
            nextRenewalOn: s.nextRenewalOn ?? "",
            accountRef: s.accountRef ?? "",
            paymentMethod: s.paymentMethod ?? "",
            autoRenew: s.autoRenew,
            cancelUrl: s.cancelUrl ?? "",
            notes: s.notes ?? "",
            // Shown only when they are the plan's own; the defaults follow a renamed provider.
            merchantPatterns: sameList(s.merchantPatterns, defaultPatterns(s.provider))
              ? ""
              : s.merchantPatterns.join("\n"),
          }}
        />
      </Card>
    </>
  );
}
