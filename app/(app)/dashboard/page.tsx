import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { requireUser } from "@/lib/auth/session";
import { caseOverview } from "@/lib/data/case-lists";
import {
  subscriptionDeadlines,
  subscriptionTotals,
  trialDeadlines,
} from "@/lib/data/subscription-summaries";
import { flaggedSummary } from "@/lib/data/charge-summaries";
import { todayIn } from "@/lib/domain/dates";

const FLAGGED_SHOWN = 5;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const today = todayIn(user.timeZone);
  // Read together: a new account's empty reads are cheap, and everyone else needs all four.
  const [t, locale, totals, cases, deadlines, flagged, trials] = await Promise.all([
    getTranslations(),
    getLocale(),
    subscriptionTotals(user),
    caseOverview(user, today),
    subscriptionDeadlines(user, today),
    flaggedSummary(user, FLAGGED_SHOWN),
    trialDeadlines(user, today),
  ]);
  return (
    <DashboardView
      userName={user.name}
      today={today}
      totals={totals}
      cases={cases}
      deadlines={deadlines}
      trials={trials}
      flagged={flagged}
      t={t}
      locale={locale}
    />
  );
}
