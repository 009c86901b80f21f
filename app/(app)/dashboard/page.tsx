import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderCheckIcon, ListIcon, PhoneIcon, ReceiptIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Overview } from "@/components/dashboard/overview";
import { requireUser } from "@/lib/auth/session";
import { caseOverview } from "@/lib/data/case-lists";
import { subscriptionDeadlines, subscriptionTotals } from "@/lib/data/subscription-summaries";
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
  const [t, totals] = await Promise.all([getTranslations("dashboard"), subscriptionTotals(user)]);
  if (totals.count > 0) {
    const [cases, deadlines, flagged] = await Promise.all([
      caseOverview(user, today),
      subscriptionDeadlines(user, today),
      flaggedSummary(user, FLAGGED_SHOWN),
    ]);
    return (
      <Overview
        userName={user.name}
        today={today}
        totals={totals}
        cases={cases}
        deadlines={deadlines}
        flagged={flagged}
      />
    );
  }
  const steps = [
    { Icon: ListIcon, title: t("step1Title"), body: t("step1Body") },
    { Icon: PhoneIcon, title: t("step2Title"), body: t("step2Body") },
    { Icon: ReceiptIcon, title: t("step3Title"), body: t("step3Body") },
  ];

  return (
    <>
      <PageHeader
        title={user.name ? t("greeting", { name: user.name }) : t("greetingNoName")}
        description={t("subtitle")}
      />
      <EmptyState
        icon={<FolderCheckIcon className="size-6" />}
        title={t("emptyTitle")}
        body={t("emptyBody")}
        action={
          <Link href="/subscriptions/new" className={buttonClasses("primary")}>
            {t("emptyAction")}
          </Link>
        }
      />
      <section aria-labelledby="how-it-works" className="mt-10">
        <h2
          id="how-it-works"
          className="mb-4 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
        >
          {t("howItWorks")}
        </h2>
        <ol className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {steps.map(({ Icon, title, body }, index) => (
            <li
              key={title}
              className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex items-center gap-3">
                <span className="flex size-9 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
                  <Icon />
                </span>
                <span className="text-xs font-semibold text-slate-400">{index + 1} / 3</span>
              </div>
              <h3 className="mt-3 font-semibold text-slate-900 dark:text-white">{title}</h3>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{body}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
