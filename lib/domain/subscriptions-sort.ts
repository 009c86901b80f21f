import { monthlyEquivalent, type BillingCycle } from "./money";

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

type Sortable = {
  provider: string;
  category: string;
  plan: string | null;
  amount: number;
  currency: string;
  billingCycle: BillingCycle;
  nextRenewalOn: string | null;
  status: string;
};

const STATUS_ORDER: Record<string, number> = { cancelling: 0, active: 1, cancelled: 2 };

/** Sorts for the table; missing values go last whichever way, and price compares per month. */
export function sortSubscriptions<T extends Sortable>(
  rows: T[],
  sort: SubscriptionSort,
  direction: SortDirection,
): T[] {
  const key = (row: T): string | number | null => {
    switch (sort) {
      case "provider":
        return row.provider.toLocaleLowerCase();
      case "category":
        return row.category;
      case "plan":
        return row.plan?.toLocaleLowerCase() ?? null;
      case "price":
        return monthlyEquivalent(row.amount, row.billingCycle);
      case "renewal":
        return row.nextRenewalOn;
      case "status":
        return STATUS_ORDER[row.status] ?? 9;
    }
  };
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return a.provider.localeCompare(b.provider);
    if (ka === null) return 1;
    if (kb === null) return -1;
    return (ka < kb ? -1 : 1) * sign;
  });
}
