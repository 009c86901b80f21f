import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { LineFilterOptions } from "@/lib/data/statement-lines";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { LineFilters } from "./statement-lines-view";

/**
 * The statement-lines page's filters: a plain GET form (it works before
 * any JavaScript, and its URL can be bookmarked), a new filter starting
 * from the newest line. A value in the URL that is none of the user's
 * choices (an edited link, another user's id) stays selected under a
 * neutral name, so the page says what it filtered by without naming it.
 */
export function StatementLineFilters({
  filters,
  options,
  filtered,
  t,
}: {
  filters: LineFilters;
  options: LineFilterOptions;
  filtered: boolean;
  t: PageTranslator;
}) {
  const unknownAccount =
    filters.account !== undefined && !options.accounts.includes(filters.account);
  const unknownSubscription =
    filters.subscriptionId !== undefined &&
    !options.subscriptions.some((s) => s.id === filters.subscriptionId);
  return (
    <form
      method="get"
      action="/statements/lines"
      aria-label={t("statementLines.filters")}
      className="mb-4 grid grid-cols-1 items-end gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto_auto] dark:border-slate-800 dark:bg-slate-900"
      data-testid="line-filters"
    >
      <div className="min-w-0">
        <label htmlFor="line-account" className="field-label">
          {t("statementLines.account")}
        </label>
        <select
          id="line-account"
          name="account"
          defaultValue={filters.account ?? ""}
          className="field-control mt-1 truncate"
        >
          <option value="">{t("statementLines.allAccounts")}</option>
          {options.accounts.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
          {unknownAccount ? (
            <option value={filters.account}>{t("statementLines.unknownAccount")}</option>
          ) : null}
        </select>
      </div>
      <div className="min-w-0">
        <label htmlFor="line-subscription" className="field-label">
          {t("statementLines.subscription")}
        </label>
        <select
          id="line-subscription"
          name="subscriptionId"
          defaultValue={filters.subscriptionId ?? ""}
          className="field-control mt-1 truncate"
        >
          <option value="">{t("statementLines.allSubscriptions")}</option>
          {options.subscriptions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.plan ? `${s.provider} · ${s.plan}` : s.provider}
            </option>
          ))}
          {unknownSubscription ? (
            <option value={filters.subscriptionId}>
              {t("statementLines.unknownSubscription")}
            </option>
          ) : null}
        </select>
      </div>
      <label
        htmlFor="line-flagged"
        className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        <input
          id="line-flagged"
          type="checkbox"
          name="flagged"
          value="true"
          defaultChecked={filters.flagged}
          className="size-4 shrink-0 rounded border-slate-300 accent-indigo-600"
        />
        {t("statementLines.flagged")}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          {t("statementLines.apply")}
        </button>
        {filtered ? (
          <Link
            href="/statements/lines"
            className="text-sm font-semibold text-indigo-700 underline dark:text-indigo-300"
            data-testid="clear-filters"
          >
            {t("statementLines.clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
