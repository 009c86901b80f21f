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

/** Reads the table's ?sort=&dir=&page= with defaults for anything else. */
export function tableQuery(params: { sort?: string; dir?: string; page?: string }): {
  sort: SubscriptionSort;
  dir: SortDirection;
  page: number;
} {
  const sort = SUBSCRIPTION_SORTS.find((s) => s === params.sort) ?? "provider";
  const page = Number.parseInt(params.page ?? "1", 10);
  return {
    sort,
    dir: params.dir === "desc" ? "desc" : "asc",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}
