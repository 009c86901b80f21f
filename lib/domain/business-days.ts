// Business days, for the deadlines a bank has under Regulation E ("10
// business days"). CancelCase counts them on the Federal Reserve Banks'
// calendar: Monday to Friday, less the Banks' holidays. A bank's own
// calendar may differ (Reg E counts the days its offices are open), so a
// deadline is shown as a date to check, never as a promise.
//
// The holidays and the weekend rule, read on 2026-12-06 from
// https://www.richmondfed.org/about_us/holiday_schedule ("If any of the
// following holidays falls on a Saturday, Federal Reserve Banks will be open
// the preceding Friday. If the holiday falls on a Sunday, Federal Reserve
// Banks will be closed the following Monday."), with its 2025-2027 table.
// Juneteenth is a federal holiday since 2021; that year it fell on a
// Saturday, and the Banks' payment services ran as usual on the Friday
// (Federal Reserve Board press release of 2021-06-17, read on 2026-12-06 at
// https://compliancealliance.com/news-events/entry/federal-reserve-boards-offices-in-washington-d-c-will-be-closed-friday-june-18-in-observance-of-juneteenth-national-independence-day/).
import { addDays, isDateOnly } from "./dates";

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** 0 = Sunday … 6 = Saturday. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The n-th `day` (0 = Sunday) of a month; n = -1: the last one. */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  if (n > 0) {
    const first = weekday(iso(year, month, 1));
    return iso(year, month, 1 + ((day - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDate = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekday(iso(year, month, lastDate));
  return iso(year, month, lastDate - ((last - day + 7) % 7));
}

/** The Federal Reserve Banks' holidays of a year, on their calendar dates (before the weekend rule). */
export function federalReserveHolidays(year: number): string[] {
  return [
    iso(year, 1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday of January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday of February
    nthWeekday(year, 5, 1, -1), // Memorial Day: last Monday of May
    ...(year >= 2021 ? [iso(year, 6, 19)] : []), // Juneteenth National Independence Day
    iso(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday of October
    iso(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday of November
    iso(year, 12, 25), // Christmas Day
  ];
}

/** The weekdays the Banks are closed in a year: a Sunday holiday moves to the Monday; a Saturday one closes nothing. */
export function federalReserveClosings(year: number): string[] {
  return federalReserveHolidays(year).flatMap((date) => {
    const day = weekday(date);
    if (day === 6) return [];
    return [day === 0 ? addDays(date, 1) : date];
  });
}

const closings = new Map<number, Set<string>>();
function closedOn(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = closings.get(year);
  if (!set) {
    set = new Set(federalReserveClosings(year));
    closings.set(year, set);
  }
  return set.has(date);
}

export function isBusinessDay(date: string): boolean {
  if (!isDateOnly(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const day = weekday(date);
  return day !== 0 && day !== 6 && !closedOn(date);
}

/**
 * The day `count` business days after `date` (count ≥ 0), the day itself not
 * counted: notice received on a Friday, 10 business days → the Friday two
 * weeks later, one more day for each holiday between; received on a
 * Saturday → the Friday of the week after next.
 */
export function addBusinessDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  if (!isDateOnly(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) left--;
  }
  return day;
}
