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
  /** Only CancelCase's own CSV has it; Wallos has no trial end. */
  trialEndsOn: string | null;
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

/**
 * Wallos's "Payment Cycle" as CancelCase's cycle, or null when it has none:
 * Wallos writes the cycle's name when the frequency is 1 ("Monthly") and
 * "Every N Days|Weeks|Months|Years" otherwise (endpoints/subscriptions/export.php).
 */
export function wallosCycle(label: string): BillingCycle | null {
  const lower = label.trim().toLowerCase();
  const named: Record<string, BillingCycle> = {
    weekly: "weekly",
    monthly: "monthly",
    yearly: "yearly",
  };
  if (named[lower]) return named[lower];
  const every = /^every (\d{1,3}) (day|week|month|year)s?$/.exec(lower);
  if (!every) return null;
  const days = Number(every[1]) * { day: 1, week: 7, month: 0, year: 0 }[every[2] as "day"];
  const months = Number(every[1]) * { day: 0, week: 0, month: 1, year: 12 }[every[2] as "day"];
  if (days === 7) return "weekly";
  return (
    ({ 1: "monthly", 3: "quarterly", 12: "yearly" } as Record<number, BillingCycle>)[months] ?? null
  );
}

/**
 * Wallos writes a price as its currency's symbol and the number
 * ("$15.49", "¥2400", "kr99"). Wallos's own list of currencies gives one
 * symbol to several of them ($: USD, AUD, CAD; ¥: JPY, CNY; kr: DKK, SEK,
 * ISK, NOK), and users add more: those symbols are never guessed, the
 * user says which currency they mean (AMBIGUOUS_SYMBOLS). Longer symbols
 * first, so "HK$" is not read as "$".
 */
const SYMBOLS: [string, string][] = [
  ["Mex$", "MXN"],
  ["US$", "USD"],
  ["HK$", "HKD"],
  ["NT$", "TWD"],
  ["NZ$", "NZD"],
  ["S$", "SGD"],
  ["R$", "BRL"],
  ["C$", "CAD"],
  ["A$", "AUD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["₩", "KRW"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₱", "PHP"],
  ["฿", "THB"],
  ["₴", "UAH"],
  ["лв", "BGN"],
  ["lei", "RON"],
  ["Fr", "CHF"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["Ft", "HUF"],
  ["RM", "MYR"],
  ["Rp", "IDR"],
  ["R", "ZAR"],
];

/** Symbols several currencies share, with the currencies a user may mean (Wallos's first). */
export const AMBIGUOUS_SYMBOLS: Record<string, readonly string[]> = {
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"],
  "¥": ["JPY", "CNY"],
  "￥": ["JPY", "CNY"],
  kr: ["SEK", "NOK", "DKK", "ISK"],
};

export type ParsedPrice =
  { currency: string; amount: number } | { ambiguous: string; number: string } | null;

/**
 * "$12.99" with "$" chosen as CAD → {currency: "CAD", amount: 1299};
 * "12.99 EUR" → EUR; "¥2400" with no choice for "¥" → {ambiguous: "¥"};
 * null when it cannot be read.
 */
export function parsePrice(text: string, currencyOf: Record<string, string> = {}): ParsedPrice {
  const price = text.trim();
  const code = /^([A-Z]{3})\s*([\d.,]+)$|^([\d.,]+)\s*([A-Z]{3})$/.exec(price);
  if (code) {
    const currency = code[1] ?? code[4]!;
    const amount = parseMajorAmount((code[2] ?? code[3]!).replace(/,/g, ""), currency);
    return amount === null ? null : { currency, amount };
  }
  const symbols: [string, string | null][] = [
    ...SYMBOLS.slice(0, SYMBOLS.length - 1),
    ...Object.keys(AMBIGUOUS_SYMBOLS).map((symbol): [string, null] => [symbol, null]),
    SYMBOLS[SYMBOLS.length - 1]!,
  ];
  for (const [symbol, known] of symbols) {
    const before = price.startsWith(symbol);
    if (!before && !price.endsWith(symbol)) continue;
    const number = (before ? price.slice(symbol.length) : price.slice(0, -symbol.length))
      .trim()
      .replace(/,/g, "");
    if (!/^\d[\d.]*$/.test(number)) continue;
    const currency = known ?? currencyOf[symbol];
    if (!currency) return { ambiguous: symbol, number };
    const amount = parseMajorAmount(number, currency);
    return amount === null ? null : { currency, amount };
  }
  return null;
}

/** What the user said in the preview: the currency of each shared symbol, the cycle to keep for Wallos's others. */
export type ImportChoices = {
  currencies: Record<string, string>;
  cycles: Record<string, BillingCycle>;
};

export const NO_CHOICES: ImportChoices = { currencies: {}, cycles: {} };

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

const isInactive = (row: Record<string, unknown>) =>
  text(row["Active"], 10)?.toLowerCase() === "no" ||
  text(row["State"], 20)?.toLowerCase() === "disabled";

/** One row of a Wallos export (its JSON object, or a CSV record keyed by the header). */
export function fromWallos(row: Record<string, unknown>, choices = NO_CHOICES): RowResult {
  const provider = text(row["Name"], 100);
  if (!provider) return { ok: false, reason: "name_missing" };
  if (isInactive(row)) return { ok: false, reason: "inactive" };
  const cycleLabel = text(row["Payment Cycle"], 40) ?? "";
  const ownCycle = wallosCycle(cycleLabel);
  const cycle = ownCycle ?? choices.cycles[cycleLabel];
  if (!cycle) return { ok: false, reason: "cycle_unsupported" };
  const price = parsePrice(text(row["Price"], 40) ?? "", choices.currencies);
  if (price && "ambiguous" in price) return { ok: false, reason: "currency_ambiguous" };
  if (!price) return { ok: false, reason: "price_unreadable" };
  const next = text(row["Next Payment"], 10);
  if (next && !isDateOnly(next)) return { ok: false, reason: "date_invalid" };
  const url = text(row["URL"], 2000);
  const notes = [
    text(row["Notes"], 4000),
    text(row["Paid By"], 60) ? `Paid by: ${text(row["Paid By"], 60)}` : null,
    // The cycle the user chose stands in for Wallos's; the real one stays on the record.
    ownCycle ? null : `Billed in Wallos: ${cycleLabel}`,
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
      trialEndsOn: null,
    },
  };
}

/** What a Wallos row leaves for the user to decide: a shared currency symbol, a cycle CancelCase has no word for. */
export function wallosQuestions(row: Record<string, unknown>): {
  symbol: string | null;
  cycle: string | null;
} {
  // A row left out anyway (no name, inactive) asks nothing.
  if (!text(row["Name"], 100) || isInactive(row)) return { symbol: null, cycle: null };
  const price = parsePrice(text(row["Price"], 40) ?? "");
  const cycleLabel = text(row["Payment Cycle"], 40);
  return {
    symbol: price && "ambiguous" in price ? price.ambiguous : null,
    cycle: cycleLabel && !wallosCycle(cycleLabel) ? cycleLabel : null,
  };
}

/**
 * The currency to offer first for a shared symbol: the user's usual one
 * when the symbol can mean it, else null (the user must choose).
 */
export function suggestedCurrency(symbol: string, usual: string | null): string | null {
  const candidates = AMBIGUOUS_SYMBOLS[symbol] ?? [];
  return usual && candidates.includes(usual) ? usual : null;
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
  const trialEndsOn = text(get("trialEndsOn"), 10);
  if (trialEndsOn && !isDateOnly(trialEndsOn)) return { ok: false, reason: "date_invalid" };
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
      trialEndsOn,
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
