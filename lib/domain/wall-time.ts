// Instants as the wall-clock time of a zone (a note's "when", shown and typed
// as datetime-local values), through @date-fns/tz. Apart from ./dates.ts, so
// the browser's pages that only show calendar dates do not load the zone
// library (issue 37's 150 kB).
import { TZDate } from "@date-fns/tz";
import { isDateOnly } from "./dates";

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * "2026-11-24T10:30:15" (seconds optional) as read on a clock in `timeZone` → the UTC instant.
 * A datetime-local input gives wall time; the user's zone, not the server's, says what it means.
 */
export function wallTimeToInstant(value: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(value);
  if (!match || !isDateOnly(value.slice(0, 10))) return null;
  const [y, mo, d, h, mi, sec = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number | undefined,
  ];
  if (h > 23 || mi > 59 || sec > 59) return null;
  return new Date(new TZDate(y, mo - 1, d, h, mi, sec, timeZone).getTime());
}

/** The instant as a datetime-local value (to the second) on a clock in `timeZone`. */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}:${pad(zoned.getSeconds())}`;
}
