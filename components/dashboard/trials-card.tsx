import { SeeAllLink } from "@/components/dashboard/see-all-link";
import { Link } from "@/components/ui/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { TrialDeadline } from "@/lib/data/subscription-summaries";
import { formatDateOnly } from "@/lib/domain/dates";
import { tableHref } from "@/lib/domain/subscriptions-sort";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/**
 * Free trials to cancel soon: each with its cancel-by day (the day before the
 * trial ends); a screenful, then a link to all of them.
 */
export function TrialsCard({
  trials,
  t,
  locale,
}: {
  trials: { items: TrialDeadline[]; total: number };
  t: PageTranslator;
  locale: string;
}) {
  return (
    <Card>
      <CardHeader title={t("dashboard.trialsTitle")} description={t("dashboard.trialsHint")} />
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="trials">
        {trials.items.map((trial) => (
          <li
            key={trial.id}
            className="flex flex-wrap items-center justify-between gap-x-3 py-2.5 text-sm"
          >
            <Link
              href={`/subscriptions/${trial.id}`}
              className="min-w-0 font-medium break-words text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {trial.provider}
            </Link>
            <span className="font-semibold text-amber-700 dark:text-amber-300">
              <time dateTime={trial.cancelBy}>
                {t("dashboard.trialCancelBy", { date: formatDateOnly(trial.cancelBy, locale) })}
              </time>{" "}
              <span className="font-normal text-slate-600 dark:text-slate-300">
                ({t("dashboard.trialDaysLeft", { days: trial.daysLeft })})
              </span>
            </span>
          </li>
        ))}
      </ul>
      {trials.total > trials.items.length ? (
        <SeeAllLink href={tableHref({ show: "trial" })}>
          {t("dashboardMore.trialsAll", { count: trials.total })}
        </SeeAllLink>
      ) : null}
    </Card>
  );
}
