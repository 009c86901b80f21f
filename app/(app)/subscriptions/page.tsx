import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SubscriptionsView } from "@/components/subscriptions/subscriptions-view";
import { requireUser } from "@/lib/auth/session";
import { subscriptionTotals } from "@/lib/data/subscription-summaries";
import { listSubscriptionTable } from "@/lib/data/subscriptions";
import { todayIn } from "@/lib/domain/dates";
import { tableQuery } from "@/lib/domain/subscriptions-sort";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("title") };
}

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string; dir?: string; page?: string; show?: string }>;
}) {
  const user = await requireUser();
  const { sort, dir, page: wantedPage, show } = tableQuery(await searchParams);
  // ?show= is one of the dashboard's cards, whose "see all" link came here.
  const view = show ? { show, today: todayIn(user.timeZone) } : null;
  const [t, locale, table, totals] = await Promise.all([
    getTranslations(),
    getLocale(),
    listSubscriptionTable(user, { sort, dir, page: wantedPage, pageSize: PAGE_SIZE, view }),
    subscriptionTotals(user),
  ]);
  return (
    <SubscriptionsView
      table={table}
      totals={totals}
      sort={sort}
      dir={dir}
      show={show}
      timeZone={user.timeZone}
      t={t}
      locale={locale}
    />
  );
}
