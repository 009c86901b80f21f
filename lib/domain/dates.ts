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
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** Today's calendar date where the user is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
