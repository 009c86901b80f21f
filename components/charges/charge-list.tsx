import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import type { ChargeKind } from "@/lib/domain/charges";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { DisputeTracker } from "./dispute-tracker";
import { DisputeDeadlines } from "./dispute-deadlines";
import {
  LazyReopenForChargeButton as ReopenForChargeButton,
  LazyStatementDateForm as StatementDateForm,
} from "./lazy-charge-forms";

const KIND_TONE: Record<ChargeKind, BadgeTone | null> = {
  after: "danger",
  final_bill: "neutral",
  refund: "success",
  before: null,
};

/**
 * Statement lines of one subscription (or the flagged ones of many): date,
 * the descriptor as printed, account, amount, and what the line is to the
 * case. A flagged charge shows its dispute deadlines, each with its rule
 * (./dispute-deadlines.tsx), and asks for the statement date that starts
 * the statement's one while it is unknown; with `reopen`, a button reopens the case
 * over it.
 */
export async function ChargeList({
  lines,
  today,
  reopen,
  showProvider,
  actions = true,
  deadlines = actions,
}: {
  lines: (TransactionDto & { provider?: string })[];
  today: string;
  /** The confirmed case these charges came after, when it can still be reopened. */
  reopen?: { caseId: string; version: number };
  showProvider?: boolean;
  /** false: a flagged line shows its badge only (its deadline and actions are listed elsewhere on the page). */
  actions?: boolean;
  /** A flagged line's dispute deadlines (default: with the actions); on where the list is the only place they show. */
  deadlines?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="charge-list">
      {lines.map((line) => {
        const tone = line.kind ? KIND_TONE[line.kind] : null;
        return (
          <li
            key={line.id}
            className="py-3 text-sm"
            data-testid="charge"
            data-kind={line.kind ?? "unwatched"}
          >
            {/* On a phone the amount and its badge go under the line rather than squeeze it to a word a row. */}
            <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
              <div className="min-w-0 flex-[1_1_12rem]">
                {showProvider && line.provider ? (
                  <p className="font-semibold [overflow-wrap:anywhere] text-slate-900 dark:text-white">
                    {line.caseId ? (
                      <Link href={`/cases/${line.caseId}#charges`} className="hover:underline">
                        {line.provider}
                      </Link>
                    ) : (
                      line.provider
                    )}
                  </p>
                ) : null}
                <p className="font-mono text-xs break-all text-slate-800 dark:text-slate-200">
                  {line.description}
                </p>
                <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                  {formatDateOnly(line.postedOn, locale)} · {line.account}
                </p>
              </div>
              <div className="ml-auto flex shrink-0 flex-col items-end gap-1">
                <span
                  className={`font-semibold tabular-nums ${line.amount < 0 ? "text-emerald-700 dark:text-emerald-300" : ""}`}
                >
                  {formatMoney(line.amount, line.currency, locale)}
                </span>
                {tone && line.kind ? (
                  <Badge tone={tone} testId="charge-kind">
                    {t(`charges.kind.${line.kind}`)}
                  </Badge>
                ) : null}
              </div>
            </div>
            {line.flagged && (actions || deadlines) ? (
              <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
                {deadlines && line.disputeDeadlines.length > 0 ? (
                  <DisputeDeadlines
                    deadlines={line.disputeDeadlines}
                    today={today}
                    i18n={{ t, locale }}
                  />
                ) : null}
                {actions && line.statementDate === null ? (
                  // The statement's deadline (FCBA or Reg E) counts from its date: asked until known.
                  <StatementDateForm transactionId={line.id} caseId={line.caseId ?? undefined} />
                ) : null}
                {actions && reopen && line.caseId === reopen.caseId ? (
                  <ReopenForChargeButton
                    caseId={reopen.caseId}
                    version={reopen.version}
                    transactionId={line.id}
                  />
                ) : null}
                <DisputeTracker line={line} today={today} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
