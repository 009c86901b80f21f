// The subscription vocabulary (docs/contract.md "Domain") and how its values show.
export const SUBSCRIPTION_CATEGORIES = [
  "mobile",
  "internet",
  "streaming",
  "software",
  "fitness",
  "news",
  "other",
] as const;
export type SubscriptionCategory = (typeof SUBSCRIPTION_CATEGORIES)[number];

export const BILLING_CYCLES = ["weekly", "monthly", "quarterly", "yearly"] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

/** Set by the case workflow: opening a case, confirming it, withdrawing it. */
export const SUBSCRIPTION_STATUSES = ["active", "cancelling", "cancelled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** An account number shown safely: "••••1234" (the last four characters, or fewer when short). */
export function maskAccountRef(value: string | null): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, "");
  const visible =
    compact.length > 4 ? compact.slice(-4) : compact.slice(-Math.floor(compact.length / 2));
  return `••••${visible}`;
}
