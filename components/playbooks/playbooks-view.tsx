import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateOnly } from "@/lib/domain/dates";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { PlaybookSummary } from "@/lib/playbooks/lookup";
import { DifficultyBadge } from "./difficulty-badge";

/** The playbooks page: a search box and a category filter, then the playbooks by name. */
export function PlaybooksView({
  q,
  category,
  found,
  t,
  locale,
}: {
  q: string;
  category: string;
  found: { items: PlaybookSummary[]; nextCursor: string | null };
  t: PageTranslator;
  locale: string;
}) {
  const more = new URLSearchParams({
    ...(q ? { q } : {}),
    ...(category ? { category } : {}),
    cursor: found.nextCursor ?? "",
  });
  return (
    <>
      <PageHeader title={t("playbooks.title")} description={t("playbooks.subtitle")} />
      <form
        role="search"
        action="/playbooks"
        className="mb-6 flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end"
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="playbook-q" className="field-label">
            {t("playbooks.searchLabel")}
          </label>
          <input
            id="playbook-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder={t("playbooks.searchPlaceholder")}
            className="field-control mt-1.5"
          />
        </div>
        <div>
          <label htmlFor="playbook-category" className="field-label">
            {t("playbooks.categoryLabel")}
          </label>
          <select
            id="playbook-category"
            name="category"
            defaultValue={category}
            className="field-control mt-1.5"
          >
            <option value="">{t("playbooks.allCategories")}</option>
            {SUBSCRIPTION_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`domain.category.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("primary", "shrink-0 whitespace-nowrap")}>
          {t("playbooks.search")}
        </button>
      </form>

      {found.items.length === 0 ? (
        <EmptyState title={t("playbooks.emptyTitle")} body={t("playbooks.emptyBody")} />
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          data-testid="playbook-list"
        >
          {found.items.map((item) => (
            <li key={item.slug}>
              <Link
                href={`/playbooks/${item.slug}`}
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800/40"
              >
                <span className="min-w-0">
                  <span className="block font-semibold break-words">{item.name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {t(`domain.category.${item.category}`)} ·{" "}
                    {t("playbooks.checkedOn", { date: formatDateOnly(item.checkedOn, locale) })}
                  </span>
                </span>
                <DifficultyBadge difficulty={item.difficulty} t={t} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {found.nextCursor ? (
        <div className="mt-4 text-center">
          <Link href={`/playbooks?${more}`} className={buttonClasses("secondary")}>
            {t("playbooks.more")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
