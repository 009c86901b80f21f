import { buttonClasses } from "@/components/ui/button";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type {
  SortDirection,
  SubscriptionSort,
  SubscriptionView,
} from "@/lib/domain/subscriptions-sort";

/**
 * The list's sort on a phone, where the table's column headers (the sort
 * links on wider screens) are not shown. A plain GET form: it works before
 * the page's JavaScript has loaded, and a new sort starts at page 1 of the
 * same view.
 */
export function PhoneSortForm({
  sort,
  dir,
  show,
  columns,
  t,
}: {
  sort: SubscriptionSort;
  dir: SortDirection;
  show: SubscriptionView | null;
  columns: { key: SubscriptionSort; label: string }[];
  t: PageTranslator;
}) {
  return (
    <form
      method="get"
      action="/subscriptions"
      aria-label={t("subscriptions.sortForm")}
      className="mb-4 flex flex-wrap items-end gap-3 md:hidden"
    >
      {show ? <input type="hidden" name="show" value={show} /> : null}
      <div className="min-w-0 flex-1">
        <label htmlFor="sort-column" className="field-label">
          {t("subscriptions.sortField")}
        </label>
        <select id="sort-column" name="sort" defaultValue={sort} className="field-control mt-1">
          {columns.map((column) => (
            <option key={column.key} value={column.key}>
              {column.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sort-dir" className="field-label">
          {t("subscriptions.sortOrder")}
        </label>
        <select id="sort-dir" name="dir" defaultValue={dir} className="field-control mt-1">
          <option value="asc">{t("subscriptions.ascending")}</option>
          <option value="desc">{t("subscriptions.descending")}</option>
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("subscriptions.applySort")}
      </button>
    </form>
  );
}
