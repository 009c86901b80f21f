// When a user's reminders go out: their local clock, quiet hours, the digest
// time, and the back-off of a failed send. Pure; lib/domain/reminders.ts
// re-exports it.
import { todayIn } from "./dates";
import { dateTimeFormat } from "./intl";
import type { NotificationPrefs } from "./reminders";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return HH_MM.test(value);
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** The user's local date and minute of the day at `now`. */
export function localClock(now: Date, timeZone: string): { date: string; minutes: number } {
  const parts = dateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(now);
  return { date: todayIn(timeZone, now), minutes: minutesOf(parts) };
}

/** Quiet hours from–to, wrapping past midnight (22:00–07:00). Equal ends: none. */
export function inQuietHours(
  prefs: Pick<NotificationPrefs, "quietFrom" | "quietTo">,
  minutes: number,
): boolean {
  if (!prefs.quietFrom || !prefs.quietTo) return false;
  const from = minutesOf(prefs.quietFrom);
  const to = minutesOf(prefs.quietTo);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** Whether the user's day `local.date` is to be planned now: their digest time has come. */
export function isPlanningTime(
  prefs: Pick<NotificationPrefs, "digestTime">,
  local: { date: string; minutes: number },
  plannedOn: string | null,
): boolean {
  return plannedOn !== local.date && local.minutes >= minutesOf(prefs.digestTime);
}

/** Minutes to wait after the n-th failed attempt (1-based). */
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360];

export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[index]! * 60_000;
}

/** A reminder still unsent this long after it was planned is shown as failed. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
