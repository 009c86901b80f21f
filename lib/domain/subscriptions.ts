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

/** An account number shown safely: "••••1234" (the last four characters, or fewer when short). */
export function maskAccountRef(value: string | null): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, "");
  const visible =
    compact.length > 4 ? compact.slice(-4) : compact.slice(-Math.floor(compact.length / 2));
  return `••••${visible}`;
}
