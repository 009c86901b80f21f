// Money is an integer in minor units plus an ISO-4217 code (DESIGN.md). How
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

/** Parses "12.99" (or "12,99") typed in a form into minor units; null if it is not a price. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const normalized = text.trim().replace(/\s/g, "").replace(",", ".");
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
