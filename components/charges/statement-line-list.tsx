import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import type { ChargeKind } from "@/lib/domain/charges";
import { daysBetween, formatDateOnly } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { isFutureDated } from "@/lib/domain/statement-lines";
import type { RowI18n } from "@/lib/i18n/row-i18n";
import { deadlinesInOrder } from "./dispute-deadlines";

// The rows of the statement-lines page: one line each, stacked so a phone's
// 375 px hold them (date and account, the descriptor as printed, the
// amount; then the subscription it matched, its kind, the nearest dispute
// deadline and, for a line dated after today, a warning in words).

const KIND_TONE: Record<ChargeKind, BadgeTone> = {
  after: "danger",
  final_bill: "neutral",
  refund: "success",
  before: "neutral",
};

/** A flagged line's nearest open deadline (else its last passed one), with its rule; the case lists them all. */
function NextDeadline({
  line,
  today,
  i18n: { t, locale },
}: {
  line: TransactionDto;
  today: string;
  i18n: RowI18n;
}) {
  const [deadline, ...others] = deadlinesInOrder(line.disputeDeadlines, today);
  if (!deadline) return null;
  const left = daysBetween(today, deadline.on);
  return (
    <p className="text-xs" data-testid="line-deadline" data-rule={deadline.rule}>
      {/* The tones of the case's full list (./dispute-deadlines.tsx): red in the last two weeks. */}
      <span
        className={
          left < 0
            ? "text-slate-500 dark:text-slate-400"
            : left <= 14
              ? "font-semibold text-red-700 dark:text-red-300"
              : "font-medium text-amber-800 dark:text-amber-200"
        }
      >
        {t("charges.disputeBy", { date: formatDateOnly(deadline.on, locale) })}
        {" · "}
        {left < 0
          ? t("accounts.deadlines.passed")
          : left === 0
            ? t("charges.disputeToday")
            : t("charges.daysLeft", { count: left })}
      </span>
      <span className="text-slate-700 dark:text-slate-300">
        {" · "}
        {t(`accounts.rules.${deadline.rule}`)}
      </span>
      {others.length > 0 && line.caseId ? (
        <>
          {" · "}
          <Link
            href={`/cases/${line.caseId}#charges`}
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            {t("statementLines.allDeadlines", { count: others.length + 1 })}
          </Link>
        </>
      ) : null}
    </p>
  );
}

export function StatementLineList({
  lines,
  subscriptions,
  timeZone,
  today,
  i18n,
}: {
  lines: readonly TransactionDto[];
  /** The names of the subscriptions the lines are matched to. */
  subscriptions: ReadonlyMap<string, string>;
  timeZone: string;
  today: string;
  i18n: RowI18n;
}) {
  const { t, locale } = i18n;
  const now = new Date();
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="statement-lines">
      {lines.map((line) => {
        const provider = line.subscriptionId ? subscriptions.get(line.subscriptionId) : undefined;
        const future = isFutureDated(line.postedOn, timeZone, now);
        return (
          <li
            key={line.id}
            className="space-y-1.5 py-3 text-sm"
            data-testid="statement-line"
            data-kind={line.kind ?? "unwatched"}
            data-future={future || undefined}
          >
            <div className="flex items-start justify-between gap-x-3">
              <p className="min-w-0 text-xs text-slate-600 dark:text-slate-400">
                <span className="font-medium text-slate-800 tabular-nums dark:text-slate-200">
                  {formatDateOnly(line.postedOn, locale)}
                </span>
                {" · "}
                <span className="[overflow-wrap:anywhere]" data-testid="line-account">
                  {line.account}
                </span>
              </p>
              <span
                className={`shrink-0 font-semibold tabular-nums ${line.amount < 0 ? "text-emerald-700 dark:text-emerald-300" : "text-slate-900 dark:text-white"}`}
              >
                {formatMoney(line.amount, line.currency, locale)}
              </span>
            </div>
            {/* The descriptor as printed, whole and across the row: a long one wraps rather than hide the words that name the merchant. */}
            <p className="font-mono text-xs [overflow-wrap:anywhere] text-slate-900 dark:text-slate-100">
              {line.description}
            </p>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
              {line.subscriptionId && provider ? (
                <Link
                  href={
                    line.caseId
                      ? `/cases/${line.caseId}#charges`
                      : `/subscriptions/${line.subscriptionId}`
                  }
                  className="font-medium [overflow-wrap:anywhere] text-indigo-700 hover:underline dark:text-indigo-300"
                  data-testid="line-subscription"
                >
                  {provider}
                </Link>
              ) : (
                <span className="text-slate-500 dark:text-slate-400">
                  {t("statementLines.unmatched")}
                </span>
              )}
              {line.kind ? (
                <Badge tone={KIND_TONE[line.kind]} testId="line-kind">
                  {t(`charges.kind.${line.kind}`)}
                </Badge>
              ) : null}
            </div>
            {line.flagged ? <NextDeadline line={line} today={today} i18n={i18n} /> : null}
            {future ? (
              <p
                className="flex gap-1.5 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
                data-testid="future-dated"
              >
                <span aria-hidden="true">⚠</span>
                <span>{t("statementLines.futureDated")}</span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
