import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import type { Page } from "@/lib/data/pagination";
import type { LineFilterOptions } from "@/lib/data/statement-lines";
import type { RowI18n } from "@/lib/i18n/row-i18n";
import { StatementLineFilters } from "./statement-line-filters";
import { StatementLineList } from "./statement-line-list";

// The statement-lines page (issue 34): the filters, then a page of lines,
// then a link to the older ones. Everything is a URL (the form is GET, the
// pages are ?cursor= links), so a filtered view can be bookmarked and the
// back button returns to the newer page.

export type LineFilters = { account?: string; subscriptionId?: string; flagged: boolean };

/** What the URL asked for and could not be read: a cursor this page did not write. */
export type LinesProblem = "cursor" | null;

const PATH = "/statements/lines";

/** This page's URL for `filters` (and a page of them). */
export function linesHref(filters: LineFilters, cursor?: string): string {
  const query = new URLSearchParams();
  if (filters.account !== undefined) query.set("account", filters.account);
  if (filters.subscriptionId !== undefined) query.set("subscriptionId", filters.subscriptionId);
  if (filters.flagged) query.set("flagged", "true");
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `${PATH}?${text}` : PATH;
}

export function StatementLinesView({
  filters,
  lines,
  problem,
  paged,
  options,
  timeZone,
  today,
  i18n,
}: {
  filters: LineFilters;
  lines: Page<TransactionDto>;
  problem: LinesProblem;
  /** Whether this is a later page (the URL has a cursor). */
  paged: boolean;
  options: LineFilterOptions;
  timeZone: string;
  today: string;
  i18n: RowI18n;
}) {
  const { t } = i18n;
  const filtered =
    filters.account !== undefined || filters.subscriptionId !== undefined || filters.flagged;
  const names = new Map(options.subscriptions.map((s) => [s.id, s.provider]));
  const header = (
    <PageHeader
      title={t("statementLines.title")}
      description={t("statementLines.description")}
      actions={
        <Link href="/statements" className={buttonClasses("secondary", "whitespace-nowrap")}>
          {t("statementLines.backToStatements")}
        </Link>
      }
    />
  );
  if (!options.hasLines)
    return (
      <>
        {header}
        <div data-testid="no-lines">
          <EmptyState
            title={t("statementLines.emptyTitle")}
            body={t("statementLines.emptyBody")}
            action={
              <Link href="/statements" className={buttonClasses("primary")}>
                {t("statementLines.importStatement")}
              </Link>
            }
          />
        </div>
      </>
    );
  return (
    <>
      {header}
      <StatementLineFilters filters={filters} options={options} filtered={filtered} t={t} />
      {problem === "cursor" ? (
        <Alert tone="info" testId="bad-cursor">
          {t("statementLines.badCursor")}{" "}
          <Link href={linesHref(filters)} className="font-semibold underline">
            {t("statementLines.newest")}
          </Link>
        </Alert>
      ) : lines.items.length === 0 ? (
        <div
          className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
          data-testid="no-match"
        >
          <p>{t(paged ? "statementLines.noMore" : "statementLines.noMatch")}</p>
          <p className="mt-3">
            <Link
              href={paged ? linesHref(filters) : PATH}
              className="font-semibold text-indigo-700 underline dark:text-indigo-300"
            >
              {t(paged ? "statementLines.newest" : "statementLines.clear")}
            </Link>
          </p>
        </div>
      ) : (
        <Card>
          <StatementLineList
            lines={lines.items}
            subscriptions={names}
            timeZone={timeZone}
            today={today}
            i18n={i18n}
          />
          {lines.nextCursor || paged ? (
            <nav
              aria-label={t("statementLines.pages")}
              className="mt-4 flex flex-wrap justify-between gap-3 border-t border-slate-100 pt-4 dark:border-slate-800"
            >
              {paged ? (
                <Link href={linesHref(filters)} className={buttonClasses("ghost")}>
                  {t("statementLines.newest")}
                </Link>
              ) : (
                <span />
              )}
              {lines.nextCursor ? (
                <Link
                  href={linesHref(filters, lines.nextCursor)}
                  className={buttonClasses("secondary")}
                  rel="next"
                  data-testid="older-lines"
                >
                  {t("statementLines.older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
      )}
    </>
  );
}
