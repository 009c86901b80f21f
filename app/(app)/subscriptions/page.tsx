import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RenewalText } from "@/components/subscriptions/renewal";
import { Link } from "@/components/ui/link";
import { PhoneSortForm } from "@/components/subscriptions/sort-form";
import { SubscriptionStatusBadge } from "@/components/subscriptions/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { subscriptionTotals } from "@/lib/data/subscription-summaries";
import { listSubscriptionTable } from "@/lib/data/subscriptions";
import { formatMoney } from "@/lib/domain/money";
import { tableQuery, type SubscriptionSort } from "@/lib/domain/subscriptions-sort";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("title") };
}

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string; dir?: string; page?: string }>;
}) {
  const user = await requireUser();
  const { sort, dir, page: wantedPage } = tableQuery(await searchParams);
  const [t, locale, table, totals] = await Promise.all([
    getTranslations(),
    getLocale(),
    listSubscriptionTable(user, { sort, dir, page: wantedPage, pageSize: PAGE_SIZE }),
    subscriptionTotals(user),
  ]);
  const subscriptions = table.items;
  const i18n = { t, locale };
  const pageHref = (page: number) => `/subscriptions?sort=${sort}&dir=${dir}&page=${page}`;

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

  if (table.total === 0) {
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
  const price = (s: (typeof subscriptions)[number]) =>
    `${formatMoney(s.amount, s.currency, locale)} ${t(`domain.perCycle.${s.billingCycle}`)}`;

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

      <PhoneSortForm sort={sort} dir={dir} columns={columns} t={t} />

      {/* One table for every width: rows on wide screens, cards on phones
          (the same cells placed on a grid), so each row is rendered once. */}
      <div className="md:overflow-hidden md:rounded-2xl md:border md:border-slate-200 md:bg-white md:dark:border-slate-800 md:dark:bg-slate-900">
        <table className="block w-full text-left text-sm md:table">
          <thead className="hidden bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800/60 dark:text-slate-300 md:table-header-group">
            <tr>
              {columns.map((column) => {
                const active = column.key === sort;
                const nextDir = active && dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                    className={`px-4 py-3 font-semibold ${column.className ?? ""}`}
                  >
                    <Link
                      href={`/subscriptions?sort=${column.key}&dir=${nextDir}`}
                      className="inline-flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-white"
                    >
                      {/* The name starts with the label that is seen (WCAG 2.5.3), in Chinese too. */}
                      {column.label}
                      <span className="sr-only">{t("subscriptions.sortSuffix")}</span>
                      <span
                        aria-hidden="true"
                        className={
                          active
                            ? "text-indigo-600 dark:text-indigo-400"
                            : "text-slate-300 dark:text-slate-600"
                        }
                      >
                        {active && dir === "desc" ? "↓" : "↑"}
                      </span>
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100 md:dark:divide-slate-800">
            {subscriptions.map((s) => (
              <tr
                key={s.id}
                className="relative max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-2xl max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-4 max-md:dark:border-slate-800 max-md:dark:bg-slate-900 md:hover:bg-slate-50 md:dark:hover:bg-slate-800/40"
              >
                <td className="max-md:col-start-1 max-md:row-start-1 max-md:truncate max-md:font-semibold md:px-4 md:py-3 md:font-medium">
                  {/* On a phone the whole card is the link. */}
                  <Link
                    href={`/subscriptions/${s.id}`}
                    className="max-md:after:absolute max-md:after:inset-0 max-md:after:rounded-2xl md:text-indigo-700 md:hover:underline md:dark:text-indigo-300"
                  >
                    {s.provider}
                  </Link>
                </td>
                <td className="text-slate-600 max-md:col-span-2 max-md:row-start-2 max-md:truncate md:px-4 md:py-3 dark:text-slate-300">
                  {t(`domain.category.${s.category}`)}
                  {s.plan ? <span className="md:hidden"> · {s.plan}</span> : null}
                </td>
                <td className="hidden text-slate-600 md:table-cell md:px-4 md:py-3 dark:text-slate-300">
                  {s.plan ?? t("subscriptions.none")}
                </td>
                <td className="whitespace-nowrap tabular-nums max-md:col-start-1 max-md:row-start-3 max-md:mt-2 max-md:font-semibold md:px-4 md:py-3 md:text-right">
                  {price(s)}
                </td>
                <td className="whitespace-nowrap max-md:col-start-2 max-md:row-start-3 max-md:mt-2 max-md:text-right max-md:text-slate-500 md:px-4 md:py-3 md:text-slate-600 md:dark:text-slate-300">
                  <RenewalText
                    subscription={s}
                    timeZone={user.timeZone}
                    empty={t("subscriptions.none")}
                    i18n={i18n}
                  />
                </td>
                <td className="max-md:col-start-2 max-md:row-start-1 max-md:text-right md:px-4 md:py-3">
                  <SubscriptionStatusBadge status={s.status} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

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
