import { PhoneSortForm } from "@/components/subscriptions/sort-form";
import { SubscriptionsTable } from "@/components/subscriptions/subscriptions-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { RENEWAL_HORIZON_DAYS, type MoneyByCurrency } from "@/lib/data/subscription-summaries";
import type { SubscriptionTable } from "@/lib/data/subscriptions";
import { formatMoney } from "@/lib/domain/money";
import {
  tableHref,
  type SortDirection,
  type SubscriptionSort,
  type SubscriptionView,
} from "@/lib/domain/subscriptions-sort";
import { TRIALS_AHEAD_DAYS } from "@/lib/domain/trials";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/** The message that says which dashboard card's subscriptions the table shows. */
const SHOWN = {
  renewing: "dashboardMore.shownRenewing",
  "no-case": "dashboardMore.shownNoCase",
  trial: "dashboardMore.shownTrial",
} as const;

/**
 * The subscriptions page: monthly totals, the sortable table a page at a
 * time (all of them, or one dashboard card's: ?show=), or where to start.
 */
export function SubscriptionsView({
  table,
  totals,
  sort,
  dir,
  show,
  timeZone,
  t,
  locale,
}: {
  table: SubscriptionTable;
  totals: { spend: MoneyByCurrency; count: number };
  sort: SubscriptionSort;
  dir: SortDirection;
  show: SubscriptionView | null;
  timeZone: string;
  t: PageTranslator;
  locale: string;
}) {
  const subscriptions = table.items;
  const i18n = { t, locale };
  const pageHref = (page: number) => tableHref({ show, sort, dir, page });

  const addButton = (
    <div className="flex flex-wrap gap-2">
      <Link href="/subscriptions/import" className={buttonClasses("secondary")}>
        {t("subscriptions.import")}
      </Link>
      <Link href="/subscriptions/new" className={buttonClasses("primary")}>
        {t("subscriptions.add")}
      </Link>
    </div>
  );

  if (totals.count === 0) {
    return (
      <>
        <PageHeader title={t("subscriptions.title")} description={t("subscriptions.subtitle")} />
        <EmptyState
          icon={<ListIcon className="size-6" />}
          title={t("subscriptions.emptyTitle")}
          body={t("subscriptions.emptyBody")}
          action={addButton}
        />
      </>
    );
  }

  const columns: { key: SubscriptionSort; label: string; className?: string }[] = [
    { key: "provider", label: t("subscriptions.provider") },
    { key: "category", label: t("subscriptions.category") },
    { key: "plan", label: t("subscriptions.plan") },
    { key: "price", label: t("subscriptions.price"), className: "text-right" },
    { key: "renewal", label: t("subscriptions.nextRenewal") },
    { key: "status", label: t("subscriptions.status") },
  ];

  return (
    <>
      <PageHeader
        title={t("subscriptions.title")}
        description={t("subscriptions.subtitle")}
        actions={addButton}
      />

      <section aria-label={t("subscriptions.monthlyTotal")} className="mb-6 flex flex-wrap gap-4">
        {totals.spend.map((total) => (
          <div
            key={total.currency}
            className="rounded-2xl border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t("subscriptions.monthlyTotal")}
            </p>
            <p
              className="text-2xl font-bold tabular-nums"
              data-testid={`monthly-total-${total.currency}`}
            >
              {formatMoney(total.monthly, total.currency, locale)}
            </p>
            <p className="text-xs text-slate-500">{t("subscriptions.monthlyTotalHint")}</p>
          </div>
        ))}
      </section>

      {show ? (
        <p
          className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100"
          data-testid="subscriptions-shown"
        >
          <span className="font-semibold">
            {t(SHOWN[show], {
              count: table.total,
              days: show === "trial" ? TRIALS_AHEAD_DAYS : RENEWAL_HORIZON_DAYS,
            })}
          </span>
          <Link
            href={tableHref({ sort, dir })}
            className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t("dashboardMore.showAll")}
          </Link>
        </p>
      ) : null}

      <PhoneSortForm sort={sort} dir={dir} show={show} columns={columns} t={t} />

      {table.total === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("dashboardMore.noneShown")}</p>
      ) : (
        <SubscriptionsTable
          subscriptions={subscriptions}
          columns={columns}
          sort={sort}
          dir={dir}
          show={show}
          timeZone={timeZone}
          i18n={i18n}
        />
      )}

      {table.pageCount > 1 ? (
        <nav
          aria-label={t("subscriptions.pagination")}
          className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm"
        >
          <p className="text-slate-600 dark:text-slate-400" aria-live="polite">
            {t("subscriptions.pageOf", {
              page: table.page,
              pageCount: table.pageCount,
              total: table.total,
            })}
          </p>
          <div className="flex gap-2">
            {table.page > 1 ? (
              <Link
                href={pageHref(table.page - 1)}
                rel="prev"
                className={buttonClasses("secondary")}
              >
                {t("subscriptions.previousPage")}
              </Link>
            ) : null}
            {table.page < table.pageCount ? (
              <Link
                href={pageHref(table.page + 1)}
                rel="next"
                className={buttonClasses("secondary")}
              >
                {t("subscriptions.nextPage")}
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </>
  );
}
