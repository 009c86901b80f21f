import { formatDateOnly } from "@/lib/domain/dates";
import { followUpStatus } from "@/lib/domain/follow-ups";
import type { CaseState } from "@/lib/domain/case-workflow";
import type { RowI18n } from "@/lib/i18n/row-i18n";

const tone = {
  overdue: "font-semibold text-red-700 dark:text-red-300",
  due_today: "font-semibold text-amber-700 dark:text-amber-300",
  upcoming: "text-slate-700 dark:text-slate-300",
} as const;

/**
 * A case's next follow-up as every page shows it: the date and where it
 * stands (overdue, due today, upcoming) by lib/domain/follow-ups' one rule;
 * nothing for a closed case or one without a date, unless `none` is given.
 * Synchronous, so a list can show one a row (lib/i18n/row-i18n).
 */
export function FollowUpLabel({
  kase,
  today,
  prefix,
  none,
  i18n: { t, locale },
}: {
  kase: { nextFollowUpOn: string | null; state: CaseState };
  today: string;
  prefix?: string;
  none?: string;
  i18n: RowI18n;
}) {
  const status = followUpStatus(kase, today);
  if (!status || !kase.nextFollowUpOn) {
    return none ? <span className="text-slate-500 dark:text-slate-400">{none}</span> : null;
  }
  return (
    <span className={`break-keep ${tone[status]}`} data-testid="follow-up" data-status={status}>
      {prefix ? `${t("common.labelled", { label: prefix })} ` : ""}
      {formatDateOnly(kase.nextFollowUpOn, locale)}
      {status === "overdue"
        ? ` · ${t("cases.overdue")}`
        : status === "due_today"
          ? ` · ${t("cases.dueToday")}`
          : ""}
    </span>
  );
}
