import { Link } from "@/components/ui/link";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { FollowUpLabel } from "@/components/cases/follow-up-label";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { CaseOverview } from "@/lib/data/case-lists";
import {
  RENEWAL_HORIZON_DAYS,
  type MoneyByCurrency,
  type SubscriptionDeadlines,
  type TrialDeadline,
} from "@/lib/data/subscription-summaries";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { ChargeList } from "@/components/charges/charge-list";
import { TrialsCard } from "@/components/dashboard/trials-card";
import { OpenDisputesCard } from "@/components/dashboard/open-disputes-card";
import { SeeAllLink } from "@/components/dashboard/see-all-link";
import { tableHref } from "@/lib/domain/subscriptions-sort";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

function Stat({
  label,
  hint,
  children,
  testId,
}: {
  label: string;
  hint: React.ReactNode;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</p>
      <div className="mt-1 text-xl font-bold tabular-nums sm:text-2xl" data-testid={testId}>
        {children}
      </div>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
    </div>
  );
}

/** The dashboard of someone who keeps subscriptions: what the page read, laid out. */
export function Overview({
  userName,
  today,
  totals,
  cases,
  deadlines,
  trials,
  flagged,
  t,
  locale,
}: {
  userName: string;
  /** The user's calendar day (todayIn), which says "due today" from "overdue". */
  today: string;
  totals: { spend: MoneyByCurrency; savings: MoneyByCurrency };
  cases: CaseOverview;
  deadlines: SubscriptionDeadlines;
  /** Free trials to cancel soon: a screenful, and how many in all. */
  trials: { items: TrialDeadline[]; total: number };
  /** Charges after a confirmed cancellation, newest first. */
  flagged: { items: (TransactionDto & { provider: string })[]; total: number };
  t: PageTranslator;
  locale: string;
}) {
  const openCount = cases.openByState.reduce((sum, s) => sum + s.count, 0);
  const money = (list: MoneyByCurrency) =>
    list.length === 0 ? (
      <span className="text-slate-400">{t("dashboard.nothing")}</span>
    ) : (
      list.map((m) => <div key={m.currency}>{formatMoney(m.monthly, m.currency, locale)}</div>)
    );
  const yearly = (list: MoneyByCurrency) =>
    list.map((m) => formatMoney(m.monthly * 12, m.currency, locale)).join(" · ");

  return (
    <>
      <PageHeader
        title={
          userName ? t("dashboard.greeting", { name: userName }) : t("dashboard.greetingNoName")
        }
        description={t("dashboard.subtitle")}
      />
      {flagged.total > 0 ? (
        <section
          aria-labelledby="flagged-charges"
          className="mb-6 rounded-2xl border border-red-200 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950/40"
          data-testid="flagged-charges"
        >
          <h2 id="flagged-charges" className="font-semibold text-red-900 dark:text-red-100">
            {t("charges.dashboardTitle", { count: flagged.total })}
          </h2>
          <p className="mt-1 text-sm text-red-900/80 dark:text-red-100/80">
            {t("charges.dashboardBody")}
          </p>
          <div className="mt-3 rounded-xl bg-white px-4 dark:bg-slate-900">
            <ChargeList
              lines={flagged.items}
              today={today}
              showProvider
              actions={false}
              deadlines
            />
          </div>
          {flagged.total > flagged.items.length ? (
            <Link
              href="/statements#flagged"
              className="mt-3 inline-block text-sm font-semibold text-red-800 hover:underline dark:text-red-200"
            >
              {t("charges.seeAll", { count: flagged.total })}
            </Link>
          ) : null}
        </section>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        <Stat
          label={t("dashboard.openCases")}
          hint={t("dashboard.openCasesHint")}
          testId="stat-open-cases"
        >
          {openCount}
        </Stat>
        <Stat
          label={t("dashboard.followUpsDue")}
          hint={t("dashboard.followUpsHint")}
          testId="stat-follow-ups"
        >
          <span className={cases.followUpsDue > 0 ? "text-red-700 dark:text-red-300" : ""}>
            {cases.followUpsDue}
          </span>
        </Stat>
        <Stat
          label={t("dashboard.monthlySpend")}
          hint={t("dashboard.spendHint")}
          testId="stat-spend"
        >
          {money(totals.spend)}
        </Stat>
        <Stat
          label={t("dashboard.monthlySavings")}
          hint={
            totals.savings.length
              ? t.rich("dashboard.savingsYearHint", {
                  yearly: yearly(totals.savings),
                  // "$300.00 a year" stays on one line.
                  keep: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
                })
              : t("dashboard.savingsHint")
          }
          testId="stat-savings"
        >
          <span className="text-emerald-700 dark:text-emerald-300">{money(totals.savings)}</span>
        </Stat>
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("dashboard.followUpList")} />
          {cases.followUps.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {t("dashboard.noFollowUps")}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {cases.followUps.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
                  <Link
                    href={`/cases/${c.id}`}
                    className="min-w-0 font-medium [overflow-wrap:anywhere] text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {c.subscription.provider}
                  </Link>
                  <span className="shrink-0 text-right">
                    <FollowUpLabel kase={c} today={today} i18n={{ t, locale }} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {cases.followUpsDue > cases.followUps.length ? (
            <SeeAllLink href="/cases?followUp=due">
              {t("dashboard.allFollowUps", { count: cases.followUpsDue })}
            </SeeAllLink>
          ) : null}
        </Card>
        {trials.total > 0 ? <TrialsCard trials={trials} t={t} locale={locale} /> : null}
        <OpenDisputesCard today={today} t={t} locale={locale} />
        <Card>
          <CardHeader
            title={t("dashboard.renewalsTitle")}
            description={t("dashboard.renewalsHint", { days: RENEWAL_HORIZON_DAYS })}
          />
          {deadlines.renewals.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {t("dashboard.noRenewals", { days: RENEWAL_HORIZON_DAYS })}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="renewals">
              {deadlines.renewals.map((s) => (
                <li
                  key={s.id}
                  className="flex flex-wrap items-center justify-between gap-x-3 py-2.5 text-sm"
                >
                  <Link
                    href={`/subscriptions/${s.id}`}
                    className="min-w-0 font-medium break-words text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {s.provider}
                  </Link>
                  <span
                    className={
                      s.status === "cancelling"
                        ? "text-slate-600 dark:text-slate-300"
                        : "font-semibold text-amber-700 dark:text-amber-300"
                    }
                  >
                    {t(
                      s.status === "cancelling"
                        ? "dashboard.renewsCancelling"
                        : "dashboard.renewsSoon",
                      {
                        date: formatDateOnly(s.nextRenewalOn, locale),
                      },
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {deadlines.renewalsCount > deadlines.renewals.length ? (
            <SeeAllLink href={tableHref({ show: "renewing", sort: "renewal" })}>
              {t("dashboardMore.renewalsAll", { count: deadlines.renewalsCount })}
            </SeeAllLink>
          ) : null}
        </Card>
        <Card>
          <CardHeader
            title={t("dashboard.withoutCaseTitle")}
            description={t("dashboard.withoutCaseHint")}
          />
          {deadlines.withoutCase.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {t("dashboard.noWithoutCase")}
            </p>
          ) : (
            <ul
              className="divide-y divide-slate-100 dark:divide-slate-800"
              data-testid="without-case"
            >
              {deadlines.withoutCase.map((s) => (
                <li
                  key={s.id}
                  className="flex flex-wrap items-center justify-between gap-x-3 py-2.5 text-sm"
                >
                  <span className="min-w-0 font-medium break-words">{s.provider}</span>
                  <Link
                    href={`/subscriptions/${s.id}`}
                    className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {t("dashboard.startCase")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {deadlines.withoutCaseCount > deadlines.withoutCase.length ? (
            <SeeAllLink href={tableHref({ show: "no-case" })}>
              {t("dashboardMore.withoutCaseAll", { count: deadlines.withoutCaseCount })}
            </SeeAllLink>
          ) : null}
        </Card>
        <Card>
          <CardHeader title={t("dashboard.byState")} />
          {cases.openByState.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {t("dashboard.noOpenCases")}
            </p>
          ) : (
            <ul className="space-y-2">
              {cases.openByState.map(({ state, count }) => (
                <li key={state} className="flex items-center justify-between text-sm">
                  <Link href={`/cases?state=${state}`} className="hover:underline">
                    <CaseStateBadge state={state} t={t} />
                  </Link>
                  <span className="font-semibold tabular-nums">{count}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
