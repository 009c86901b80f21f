import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SubscriptionView } from "@/components/subscriptions/subscription-view";
import { requireUser } from "@/lib/auth/session";
import { listCasesOfSubscription } from "@/lib/data/case-lists";
import { getSubscription } from "@/lib/data/subscriptions";
import { listTransactions } from "@/lib/data/transactions";
import { orNotFound } from "@/lib/http/or-not-found";
import { playbookOf } from "@/lib/playbooks/catalog";

const LINES_SHOWN = 20;

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  const user = await requireUser();
  const s = await orNotFound(getSubscription(user, (await params).id));
  return { title: s.provider };
}

export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // Each read is the owner's only: someone else's id finds no cases and no lines, then a 404.
  const [s, cases, lines, t, locale] = await Promise.all([
    orNotFound(getSubscription(user, id)),
    listCasesOfSubscription(user, id),
    listTransactions(user, { limit: LINES_SHOWN, subscriptionId: id }),
    getTranslations(),
    getLocale(),
  ]);
  return (
    <SubscriptionView
      s={s}
      cases={cases}
      lines={lines}
      playbook={playbookOf(s.playbookSlug, locale)}
      timeZone={user.timeZone}
      t={t}
      locale={locale}
    />
  );
}
