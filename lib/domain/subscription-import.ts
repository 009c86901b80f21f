// Subscriptions brought in from another tracker, as pure rules: which file
// it is (Wallos's export, as JSON or CSV, or a CSV with CancelCase's own
// field names), and how one row becomes a subscription, or why it cannot.
// Wallos (5.x) exports, per subscription: Name, Payment Cycle ("Monthly",
// "Every 3 Months"), Next Payment (YYYY-MM-DD), Renewal (Automatic/Manual),
// Category, Payment Method, Paid By, Price (currency symbol + amount),
// Notes, URL, State, Notifications, Cancellation Date, Active (Yes/No).
import { isDateOnly } from "./dates";
import { parseMajorAmount } from "./money";
import {
  BILLING_CYCLES,
  SUBSCRIPTION_CATEGORIES,
  type BillingCycle,
  type SubscriptionCategory,
} from "./subscriptions";

export const SUBSCRIPTION_ROWS_MAX = 5000;

export type ImportedSubscription = {
  provider: string;
  category: SubscriptionCategory;
  plan: string | null;
  amount: number;
  currency: string;
  billingCycle: BillingCycle;
  nextRenewalOn: string | null;
  paymentMethod: string | null;
  autoRenew: boolean;
  cancelUrl: string | null;
  notes: string | null;
};

/** Why a row is left out; the import form says it in the user's language. */
export type SkipReason =
  | "name_missing"
  | "cycle_unsupported"
  | "price_unreadable"
  | "currency_ambiguous"
  | "date_invalid"
  | "inactive"
  | "invalid"
  | "already_kept";

export type RowResult =
  { ok: true; subscription: ImportedSubscription } | { ok: false; reason: SkipReason };

export type SourceFormat = "wallos" | "cancelcase";

/** Which exporter made these column names, or null. */
export function sourceFormat(columns: readonly string[]): SourceFormat | null {
  const names = new Set(columns.map((c) => c.trim().toLowerCase()));
  if (names.has("payment cycle") && names.has("price") && names.has("name")) return "wallos";
  if ((names.has("provider") || names.has("name")) && names.has("amount")) return "cancelcase";
  return null;
}

/** Wallos's cycles CancelCase keeps; "Every 2 Weeks", "Daily", "Every 6 Months" have no match. */
const WALLOS_CYCLES: Record<string, BillingCycle> = {
  weekly: "weekly",
  "every 1 weeks": "weekly",
  monthly: "monthly",
  "every 1 months": "monthly",
  "every 3 months": "quarterly",
  yearly: "yearly",
  "every 1 years": "yearly",
  "every 12 months": "yearly",
};

/**
 * Wallos writes a price as its currency's symbol and the number. Symbols
 * shared by several currencies are read the way this app's users mean them
 * ($: US dollars, ¥: yuan); "kr" (four currencies) is not guessed.
 */
const SYMBOLS: [string, string][] = [
  ["US$", "USD"],
  ["HK$", "HKD"],
  ["NT$", "TWD"],
  ["NZ$", "NZD"],
  ["S$", "SGD"],
  ["R$", "BRL"],
  ["Mex$", "MXN"],
  ["C$", "CAD"],
  ["A$", "AUD"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "CNY"],
  ["₩", "KRW"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₱", "PHP"],
  ["฿", "THB"],
  ["₴", "UAH"],
  ["Fr", "CHF"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["Ft", "HUF"],
  ["RM", "MYR"],
  ["Rp", "IDR"],
];

/** "$12.99" → {currency: "USD", amount: 1299}; "12.99 EUR" too; null when it cannot be read. */
export function parsePrice(
  text: string,
): { currency: string; amount: number } | "ambiguous" | null {
  const price = text.trim();
  if (/^kr\b|\bkr$/i.test(price)) return "ambiguous";
  const code = /^([A-Z]{3})\s*([\d.,]+)$|^([\d.,]+)\s*([A-Z]{3})$/.exec(price);
  if (code) {
    const currency = code[1] ?? code[4]!;
    const amount = parseMajorAmount((code[2] ?? code[3]!).replace(/,/g, ""), currency);
    return amount === null ? null : { currency, amount };
  }
  for (const [symbol, currency] of SYMBOLS) {
    if (price.startsWith(symbol) || price.endsWith(symbol)) {
      const number = (
        price.startsWith(symbol) ? price.slice(symbol.length) : price.slice(0, -symbol.length)
      )
        .trim()
        .replace(/,/g, "");
      const amount = parseMajorAmount(number, currency);
      return amount === null ? null : { currency, amount };
    }
  }
  return null;
}

const CATEGORY_WORDS: [RegExp, SubscriptionCategory][] = [
  [
    /\b(mobile|wireless|cellular|esim|t-mobile|verizon|at&t|mint|visible|cricket|boost|tello|ultra)\b/i,
    "mobile",
  ],
  [/\b(internet|broadband|fiber|fibre|xfinity|comcast|spectrum|fios|cox|starlink)\b/i, "internet"],
  [/\b(gym|fitness|yoga|peloton|planet fitness|equinox)\b/i, "fitness"],
];

const WALLOS_CATEGORIES: Record<string, SubscriptionCategory> = {
  entertainment: "streaming",
  music: "streaming",
  gaming: "streaming",
  "news & magazines": "news",
  software: "software",
  productivity: "software",
  technology: "software",
  "cloud services": "software",
  "health & wellbeing": "fitness",
};

/** A category CancelCase knows: from the name first (a phone plan is "mobile" whatever Wallos says), then Wallos's category. */
export function categoryOf(name: string, category: string): SubscriptionCategory {
  for (const [pattern, value] of CATEGORY_WORDS) if (pattern.test(name)) return value;
  const lower = category.trim().toLowerCase();
  if ((SUBSCRIPTION_CATEGORIES as readonly string[]).includes(lower))
    return lower as SubscriptionCategory;
  return WALLOS_CATEGORIES[lower] ?? "other";
}

const text = (value: unknown, max: number): string | null => {
  const s =
    typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  return s ? s.slice(0, max) : null;
};

/** One row of a Wallos export (its JSON object, or a CSV record keyed by the header). */
export function fromWallos(row: Record<string, unknown>): RowResult {
  const provider = text(row["Name"], 100);
  if (!provider) return { ok: false, reason: "name_missing" };
  if (
    text(row["Active"], 10)?.toLowerCase() === "no" ||
    text(row["State"], 20)?.toLowerCase() === "disabled"
  ) {
    return { ok: false, reason: "inactive" };
  }
  const cycle = WALLOS_CYCLES[(text(row["Payment Cycle"], 40) ?? "").toLowerCase()];
  if (!cycle) return { ok: false, reason: "cycle_unsupported" };
  const price = parsePrice(text(row["Price"], 40) ?? "");
  if (price === "ambiguous") return { ok: false, reason: "currency_ambiguous" };
  if (!price) return { ok: false, reason: "price_unreadable" };
  const next = text(row["Next Payment"], 10);
  if (next && !isDateOnly(next)) return { ok: false, reason: "date_invalid" };
  const url = text(row["URL"], 2000);
  const notes = [
    text(row["Notes"], 4000),
    text(row["Paid By"], 60) ? `Paid by: ${text(row["Paid By"], 60)}` : null,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    ok: true,
    subscription: {
      provider,
      category: categoryOf(provider, text(row["Category"], 60) ?? ""),
      plan: null,
      amount: price.amount,
      currency: price.currency,
      billingCycle: cycle,
      nextRenewalOn: next,
      paymentMethod: text(row["Payment Method"], 60),
      autoRenew: text(row["Renewal"], 20)?.toLowerCase() !== "manual",
      cancelUrl: url && /^https?:\/\//i.test(url) ? url : null,
      notes: notes || null,
    },
  };
}

/** One row of a CSV with CancelCase's own field names (the API's; amount in major units: 12.99). */
export function fromCancelCase(row: Record<string, unknown>): RowResult {
  const get = (name: string) => row[name] ?? row[name.toLowerCase()];
  const provider = text(get("provider") ?? get("name"), 100);
  if (!provider) return { ok: false, reason: "name_missing" };
  const currency = (text(get("currency"), 3) ?? "USD").toUpperCase();
  const amount = parseMajorAmount((text(get("amount"), 40) ?? "").replace(/[$,\s]/g, ""), currency);
  if (amount === null) return { ok: false, reason: "price_unreadable" };
  const cycle = (text(get("billingCycle") ?? get("cycle"), 20) ?? "monthly").toLowerCase();
  if (!(BILLING_CYCLES as readonly string[]).includes(cycle))
    return { ok: false, reason: "cycle_unsupported" };
  const next = text(get("nextRenewalOn"), 10);
  if (next && !isDateOnly(next)) return { ok: false, reason: "date_invalid" };
  const autoRenew = (text(get("autoRenew"), 10) ?? "true").toLowerCase();
  return {
    ok: true,
    subscription: {
      provider,
      category: categoryOf(provider, text(get("category"), 40) ?? ""),
      plan: text(get("plan"), 100),
      amount,
      currency,
      billingCycle: cycle as BillingCycle,
      nextRenewalOn: next,
      paymentMethod: text(get("paymentMethod"), 60),
      autoRenew: !["false", "no", "0"].includes(autoRenew),
      cancelUrl: text(get("cancelUrl"), 2000),
      notes: text(get("notes"), 5000),
    },
  };
}

/** What identifies a subscription already kept: an import run twice adds nothing the second time. */
export function sameSubscriptionKey(s: {
  provider: string;
  amount: number;
  currency: string;
  billingCycle: string;
}): string {
  return [s.provider.trim().toLowerCase(), s.amount, s.currency, s.billingCycle].join("|");
}
