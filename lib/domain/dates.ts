import { dateTimeFormat } from "./intl";

// Calendar dates (a renewal day, a follow-up day) are `YYYY-MM-DD` with no
// time zone: they must never shift a day when shown. Instants are stored in
// UTC and shown in the user's time zone.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateOnly(value: string): boolean {
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2026-12-01" in en → "Dec 1, 2026"; in zh-CN → "2026年12月1日". */
export function formatDateOnly(value: string, locale: string): string {
  if (!isDateOnly(value)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return dateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** A calendar date `days` later (or earlier): "2026-12-25" + 14 → "2027-01-08". */
export function addDays(value: string, days: number): string {
  if (!isDateOnly(value)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another: "2026-12-01" → "2026-12-31" is 30. */
export function daysBetween(from: string, to: string): number {
  if (!isDateOnly(from) || !isDateOnly(to))
    throw new RangeError(`not YYYY-MM-DD dates: ${from}, ${to}`);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's calendar date where the user is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
