export const SUBSCRIPTION_SORTS = [
  "provider",
  "category",
  "plan",
  "price",
  "renewal",
  "status",
] as const;
export type SubscriptionSort = (typeof SUBSCRIPTION_SORTS)[number];
export type SortDirection = "asc" | "desc";

/**
 * The parts of the list the dashboard's cards show a screenful of, each
 * card's "see all" link opening the table on its whole part: renewing soon,
 * still billed with no case, free trials ending soon.
 */
export const SUBSCRIPTION_VIEWS = ["renewing", "no-case", "trial"] as const;
export type SubscriptionView = (typeof SUBSCRIPTION_VIEWS)[number];

/** Reads the table's ?sort=&dir=&page=&show= with defaults for anything else. */
export function tableQuery(params: { sort?: string; dir?: string; page?: string; show?: string }): {
  sort: SubscriptionSort;
  dir: SortDirection;
  page: number;
  show: SubscriptionView | null;
} {
  const sort = SUBSCRIPTION_SORTS.find((s) => s === params.sort) ?? "provider";
  const page = Number.parseInt(params.page ?? "1", 10);
  return {
    sort,
    dir: params.dir === "desc" ? "desc" : "asc",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    show: SUBSCRIPTION_VIEWS.find((v) => v === params.show) ?? null,
  };
}

/** The table's address for a sort, a page and a view (the links and the phone's sort form agree). */
export function tableHref(query: {
  sort?: SubscriptionSort;
  dir?: SortDirection;
  page?: number;
  show?: SubscriptionView | null;
}): string {
  const params = new URLSearchParams();
  if (query.show) params.set("show", query.show);
  if (query.sort) params.set("sort", query.sort);
  if (query.dir) params.set("dir", query.dir);
  if (query.page) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/subscriptions?${search}` : "/subscriptions";
}
