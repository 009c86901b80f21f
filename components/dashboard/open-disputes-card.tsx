import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { countOpenDisputes, openDisputes } from "@/lib/data/disputes";
import { DASHBOARD_ROWS } from "@/lib/domain/dashboard";
import { formatDateOnly } from "@/lib/domain/dates";
import { disputeNext } from "@/lib/domain/disputes";
import { formatMoney } from "@/lib/domain/money";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/**
 * The open disputes (issue 34), each with its next date: the bank's next
 * duty, or since when it is late. Reads its own rows (a screenful, and the
 * count of the rest), so the dashboard's other reads stay as they are;
 * nothing open, no card. Each dispute is on its case's page, so the rest is
 * a count, not a link.
 */
export async function OpenDisputesCard({
  today,
  t,
  locale,
}: {
  today: string;
  t: PageTranslator;
  locale: string;
}) {
  const user = await requireUser();
  const disputes = await openDisputes(user, today, DASHBOARD_ROWS);
  if (disputes.length === 0) return null;
  // Counted only when the card is full: most dashboards have no dispute open.
  const total = disputes.length < DASHBOARD_ROWS ? disputes.length : await countOpenDisputes(user);
  const day = (date: string) => formatDateOnly(date, locale);
  return (
    <Card>
      <CardHeader title={t("disputes.openTitle")} />
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="open-disputes">
        {disputes.map((dispute) => {
          const next = disputeNext(dispute.bankDuties);
          const label = dispute.charge.description;
          return (
            <li
              key={dispute.id}
              className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2.5 text-sm"
              data-testid="open-dispute"
            >
              <span className="min-w-0">
                {dispute.caseId ? (
                  <Link
                    href={`/cases/${dispute.caseId}#charges`}
                    className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {label}
                  </Link>
                ) : (
                  <span className="font-mono text-xs break-all">{label}</span>
                )}{" "}
                <span className="tabular-nums">
                  {formatMoney(dispute.charge.amount, dispute.charge.currency, locale)}
                </span>{" "}
                <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
                  {t(`disputes.status.${dispute.status}`)}
                </span>
              </span>
              {next?.kind === "late" ? (
                <span className="font-semibold text-red-700 dark:text-red-300" data-late="true">
                  {t("disputes.bankLate", { date: day(next.since) })}
                </span>
              ) : next ? (
                <span className="text-amber-800 dark:text-amber-200">
                  {t(`disputes.duty.${next.duty}`, { date: day(next.by) })}
                </span>
              ) : (
                <span className="text-slate-500">{t("disputes.waiting")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {total > disputes.length ? (
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">
          {t("dashboardMore.disputesMore", { count: total - disputes.length })}
        </p>
      ) : null}
    </Card>
  );
}
