import { RenewalText } from "@/components/subscriptions/renewal";
import { SubscriptionStatusBadge } from "@/components/subscriptions/status-badge";
import { SOFT_NAV } from "@/components/ui/link";
import type { SubscriptionDto } from "@/lib/data/subscriptions";
import { formatMoney } from "@/lib/domain/money";
import {
  tableHref,
  type SortDirection,
  type SubscriptionSort,
  type SubscriptionView,
} from "@/lib/domain/subscriptions-sort";
import type { RowI18n } from "@/lib/i18n/row-i18n";

/**
 * The subscriptions list: column headers that sort it (on wider screens),
 * one row per subscription. Each row's parts are synchronous components
 * given the page's translator (lib/i18n/row-i18n.ts).
 */
export function SubscriptionsTable({
  subscriptions,
  columns,
  sort,
  dir,
  show,
  timeZone,
  i18n,
}: {
  subscriptions: SubscriptionDto[];
  columns: { key: SubscriptionSort; label: string; className?: string }[];
  sort: SubscriptionSort;
  dir: SortDirection;
  show: SubscriptionView | null;
  timeZone: string;
  i18n: RowI18n;
}) {
  const { t, locale } = i18n;
  const price = (s: SubscriptionDto) =>
    `${formatMoney(s.amount, s.currency, locale)} ${t(`domain.perCycle.${s.billingCycle}`)}`;

  // One table for every width: rows on wide screens, cards on phones (the
  // same cells placed on a grid), so each row is rendered once. Its links are
  // plain anchors marked for SoftNavigation (components/ui/soft-nav.tsx).
  return (
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
                  <a
                    {...SOFT_NAV}
                    href={tableHref({ show, sort: column.key, dir: nextDir })}
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
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100 md:dark:divide-slate-800">
          {subscriptions.map((s) => (
            <tr key={s.id} className="subs-row">
              <td className="subs-name">
                {/* On a phone the whole card is the link. */}
                <a {...SOFT_NAV} href={`/subscriptions/${s.id}`} className="subs-link">
                  {s.provider}
                </a>
              </td>
              <td className="subs-category">
                {t(`domain.category.${s.category}`)}
                {s.plan ? <span className="md:hidden"> · {s.plan}</span> : null}
              </td>
              <td className="subs-plan">{s.plan ?? t("subscriptions.none")}</td>
              <td className="subs-price">{price(s)}</td>
              <td className="subs-renewal">
                <RenewalText
                  subscription={s}
                  timeZone={timeZone}
                  empty={t("subscriptions.none")}
                  i18n={i18n}
                />
              </td>
              <td className="subs-status">
                <SubscriptionStatusBadge status={s.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
