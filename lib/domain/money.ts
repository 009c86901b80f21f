// Money is an integer in minor units plus an ISO-4217 code (docs/contract.md). How
// many minor units make a major one depends on the currency (USD 2, JPY 0,
// KWD 3), so that comes from Intl, never from a guess.
import { numberFormat } from "./intl";
import type { BillingCycle } from "./subscriptions";

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    numberFormat("en", { style: "currency", currency: code });
    return Intl.supportedValuesOf("currency").includes(code);
  } catch {
    return false;
  }
}

export function minorUnitDigits(currency: string): number {
  return (
    numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** 1299 USD in en → "$12.99"; in zh-CN → "US$12.99". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
}

const MONTHS_PER_CYCLE: Record<BillingCycle, number> = {
  weekly: 12 / 52,
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/** What a price per cycle costs per month, in minor units (rounded to the nearest unit). */
export function monthlyEquivalent(amountMinor: number, cycle: BillingCycle): number {
  return Math.round(amountMinor / MONTHS_PER_CYCLE[cycle]);
}

/**
 * Parses a price as people type it into minor units: "30", "$30", "US$ 30",
 * "30 USD", "1,234.50", "12,99" (a decimal comma), "¥3000"; null if it is
 * not a price. A comma followed by exactly three digits groups thousands;
 * followed by one or two, it is the decimal separator.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const bare = text
    .trim()
    .replace(/^[A-Za-z]{0,3}\s*[$€£¥￥₩₹]?/u, "")
    .replace(/\s*[A-Za-z]{3}$/, "")
    .replace(/\s/g, "");
  let normalized: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare)) normalized = bare.replaceAll(",", "");
  else if (/^\d+,\d{1,2}$/.test(bare)) normalized = bare.replace(",", ".");
  else normalized = bare;
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(normalized)) return null;
  const [whole, fraction = ""] = normalized.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
}

/** Minor units back into the plain text a form shows: 1299 USD → "12.99". */
export function formatMajorAmount(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amountMinor);
  const whole = Math.floor(amountMinor / 10 ** digits);
  const fraction = String(amountMinor % 10 ** digits).padStart(digits, "0");
  return `${whole}.${fraction}`;
}
