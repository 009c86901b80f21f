import { daysBetween, formatDateOnly } from "@/lib/domain/dates";
import {
  type DeadlineRule,
  type DisputeDeadline,
  RULE_SOURCES,
} from "@/lib/domain/dispute-deadlines";
import type { RowI18n } from "@/lib/i18n/row-i18n";

// A flagged charge's dispute deadlines (issue 34), each with the rule that
// sets it: the nearest still open first and marked "next", the others open
// after it, the passed ones last and marked so. Each rule links to the pages
// its numbers were read from (RULE_SOURCES). Synchronous: it renders on
// every row of a charge list with the page's translator.

const toneOf = (left: number) =>
  left < 0
    ? "text-slate-500 dark:text-slate-400"
    : left <= 14
      ? "font-semibold text-red-700 dark:text-red-300"
      : "font-medium text-amber-800 dark:text-amber-200";

/** Open ones (nearest first), then passed ones (most recent first). */
export function deadlinesInOrder(deadlines: readonly DisputeDeadline[], today: string) {
  const open = deadlines.filter((d) => d.on >= today);
  const passed = deadlines.filter((d) => d.on < today).reverse();
  return [...open, ...passed];
}

function RuleSources({ rule, i18n: { t } }: { rule: DeadlineRule; i18n: RowI18n }) {
  const name = t(`accounts.rules.${rule}`);
  return (
    <details className="text-slate-600 dark:text-slate-300" data-testid="rule-sources">
      <summary className="cursor-pointer underline decoration-dotted underline-offset-2">
        {t("accounts.deadlines.sources")}
      </summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {RULE_SOURCES[rule].map((source) => (
          <li key={source.url}>
            <a
              href={source.url}
              className="[overflow-wrap:anywhere] text-sky-800 underline dark:text-sky-300"
              rel="noreferrer noopener"
              target="_blank"
            >
              {t("accounts.deadlines.rulePage", { rule: name, title: source.title })}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function DisputeDeadlines({
  deadlines,
  today,
  i18n,
}: {
  deadlines: readonly DisputeDeadline[];
  today: string;
  i18n: RowI18n;
}) {
  const { t, locale } = i18n;
  const ordered = deadlinesInOrder(deadlines, today);
  const next = ordered[0] && ordered[0].on >= today ? ordered[0] : null;
  return (
    <ul className="w-full space-y-1.5" data-testid="dispute-deadlines">
      {ordered.map((deadline) => {
        const left = daysBetween(today, deadline.on);
        const isNext = deadline === next;
        return (
          <li
            key={deadline.rule}
            data-testid="dispute-deadline"
            data-rule={deadline.rule}
            data-state={left < 0 ? "passed" : isNext ? "next" : "open"}
          >
            <span className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span
                className={toneOf(left)}
                // The nearest open one keeps the id the single deadline had.
                {...(isNext ? { "data-testid": "dispute-by", "data-days-left": left } : {})}
              >
                {isNext ? (
                  <span className="mr-1 rounded bg-red-100 px-1 py-0.5 text-[0.7rem] font-semibold tracking-wide text-red-800 uppercase dark:bg-red-950 dark:text-red-200">
                    {t("accounts.deadlines.next")}
                  </span>
                ) : null}
                {t("charges.disputeBy", { date: formatDateOnly(deadline.on, locale) })}
                {" · "}
                {left < 0
                  ? t("accounts.deadlines.passed")
                  : left === 0
                    ? t("charges.disputeToday")
                    : t("charges.daysLeft", { count: left })}
              </span>
              <span className="text-slate-700 dark:text-slate-300" data-testid="deadline-rule">
                {t(`accounts.rules.${deadline.rule}`)}
              </span>
            </span>
            <RuleSources rule={deadline.rule} i18n={i18n} />
          </li>
        );
      })}
    </ul>
  );
}
