import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RenewalText } from "@/components/subscriptions/renewal";
import { Link } from "@/components/ui/link";
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

      <div className="hidden overflow-hidden rounded-2xl border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800/60 dark:text-slate-300">
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
                      aria-label={t("subscriptions.sortBy", { column: column.label })}
                    >
                      {column.label}
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
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {subscriptions.map((s) => (
              <tr key={s.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                <td className="px-4 py-3 font-medium">
                  <Link
                    href={`/subscriptions/${s.id}`}
                    className="text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {s.provider}
                  </Link>
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
                  {t(`domain.category.${s.category}`)}
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
                  {s.plan ?? t("subscriptions.none")}
                </td>
                <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{price(s)}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600 dark:text-slate-300">
                  <RenewalText
                    subscription={s}
                    timeZone={user.timeZone}
                    empty={t("subscriptions.none")}
                  />
                </td>
                <td className="px-4 py-3">
                  <SubscriptionStatusBadge status={s.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {subscriptions.map((s) => (
          <li key={s.id}>
            <Link
              href={`/subscriptions/${s.id}`}
              className="block rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate font-semibold">{s.provider}</p>
                  <p className="truncate text-sm text-slate-600 dark:text-slate-400">
                    {t(`domain.category.${s.category}`)}
                    {s.plan ? ` · ${s.plan}` : ""}
                  </p>
                </div>
                <SubscriptionStatusBadge status={s.status} />
              </div>
              <div className="mt-3 flex items-center justify-between text-sm">
                <span className="font-semibold tabular-nums">{price(s)}</span>
                <span className="text-slate-500">
                  <RenewalText subscription={s} timeZone={user.timeZone} />
                </span>
              </div>
            </Link>
          </li>
        ))}
      </ul>

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
