// Reminder rules a person sets (issue 36, point 3): lead times per
// subscription, a notice period that becomes a cancel-by day, snooze,
// acknowledge, and the repeat of a reminder nobody has acknowledged. Pure
// date rules; lib/domain/reminders.ts applies them to what is due.
import { addDays, daysBetween } from "./dates";
import type { BillingCycle } from "./subscriptions";

/** A lead time or a notice period is at most a year: nothing renews less often. */
export const REMIND_DAYS_MAX = 365;
/** Five lead times cover "a month, a week, the day before" with room; more is noise. */
export const REMIND_DAYS_COUNT_MAX = 5;
export const NOTICE_DAYS_MAX = 365;

/** The same calendar day one billing cycle later (Jan 31 + 1 month → Feb 28). */
export function addCycle(date: string, cycle: BillingCycle): string {
  if (cycle === "weekly") return addDays(date, 7);
  const months = { monthly: 1, quarterly: 3, yearly: 12 }[cycle];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Lead times as stored and used: whole days, unique, largest first ([30, 7, 1]). */
export function normalLeadTimes(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** "30,7,1" → [30, 7, 1]; null stays null (the user's default applies). */
export function parseLeadTimes(stored: string | null): number[] | null {
  if (stored === null) return null;
  return normalLeadTimes(
    stored
      .split(",")
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n >= 0 && n <= REMIND_DAYS_MAX),
  );
}

export function storedLeadTimes(days: readonly number[] | null): string | null {
  return days === null ? null : normalLeadTimes(days).join(",");
}

/**
 * The cancel-by day of the next renewal whose notice has not run out:
 * renewal − noticeDays, or, when that day is already behind `today` (a
 * renewal date not moved on yet, or a notice longer than the billing
 * period), the same for the renewals after it, one billing cycle at a time.
 * The renewal it belongs to comes with it. Null without a renewal or notice.
 */
export function cancelByDate(
  nextRenewalOn: string | null,
  noticeDays: number | null,
  cycle: BillingCycle,
  today: string,
): { cancelBy: string; renewalOn: string } | null {
  if (nextRenewalOn === null || noticeDays === null) return null;
  let renewalOn = nextRenewalOn;
  // Bounded: a weekly plan with a year's notice steps about 53 times past today.
  for (let step = 0; step < 1000; step += 1) {
    const cancelBy = addDays(renewalOn, -noticeDays);
    if (cancelBy >= today) return { cancelBy, renewalOn };
    renewalOn = addCycle(renewalOn, cycle);
  }
  return null;
}

/**
 * Follow-ups and dispute deadlines come back until acknowledged: every
 * REPEAT_EVERY_DAYS days. Two days, not one: a daily nag teaches people to
 * ignore the digest, and a dispute reminder starts seven days before its
 * deadline, so two days still brings it four times before the window shuts.
 */
export const REPEAT_EVERY_DAYS = 2;
/**
 * A follow-up nobody acknowledges stops repeating after this long: by then
 * the case's review reminder asks about it anyway, and a forgotten case must
 * not fill every digest for ever.
 */
export const REPEAT_FOR_DAYS = 28;

/**
 * The day of the latest repeat of a reminder first due on `firstDueOn`, on
 * or before `today`: `firstDueOn` itself until the first repeat, then every
 * `every` days, never after `lastOn`. Each repeat is its own reminder (its
 * own due day, so its own once-only claim).
 */
export function latestRepeat(
  firstDueOn: string,
  today: string,
  lastOn: string,
  every = REPEAT_EVERY_DAYS,
): string | null {
  if (today < firstDueOn) return null;
  const bound = today < lastOn ? today : lastOn;
  if (bound < firstDueOn) return null;
  const steps = Math.floor(daysBetween(firstDueOn, bound) / every);
  return addDays(firstDueOn, steps * every);
}

/** What the user did with a reminder's event: identity (kind, target, event day). */
export type ReminderState = {
  kind: string;
  targetId: string;
  eventOn: string;
  /** Nothing about it before this day; on it, one reminder. */
  snoozedUntil: string | null;
  acknowledged: boolean;
};

export const stateKey = (r: { kind: string; targetId: string; eventOn: string }) =>
  `${r.kind}|${r.targetId}|${r.eventOn}`;

/**
 * A reminder as the user's snooze and acknowledgement leave it: gone when
 * acknowledged or still snoozed; due on the snooze's end day when that is
 * later than its own (a new due day: a new claim, so it goes again once).
 */
export function afterUserState<
  R extends { kind: string; targetId: string; eventOn: string; dueOn: string },
>(reminder: R, state: ReminderState | undefined, today: string): R | null {
  if (!state) return reminder;
  if (state.acknowledged) return null;
  if (state.snoozedUntil === null) return reminder;
  if (today < state.snoozedUntil) return null;
  return reminder.dueOn < state.snoozedUntil
    ? { ...reminder, dueOn: state.snoozedUntil }
    : reminder;
}

/** How far ahead a snooze may reach: a year. */
export const SNOOZE_DAYS_MAX = 365;

/** A snooze's end: after today (the user's), at most a year away. */
export function isSnoozeDay(until: string, today: string): boolean {
  return until > today && until <= addDays(today, SNOOZE_DAYS_MAX);
}

/** The kinds that come back until acknowledged: a follow-up and a dispute deadline. */
export const REPEATING_KINDS: ReadonlySet<string> = new Set([
  "follow_up",
  "call_back",
  "dispute",
  "dispute_reg_e",
  "dispute_network",
]);

type Remindable = { kind: string; targetId: string; eventOn: string; dueOn: string };

/**
 * What is due once the user's states apply. `due` is what the rules give
 * for today; `live` the same without the catch-up bound (every reminder
 * whose event still stands, however old its first day). A reminder whose
 * event the user acted on, or that repeats, is taken from `live`: its latest
 * repeat (a dispute's up to its deadline, a follow-up's for REPEAT_FOR_DAYS),
 * then the snooze and the acknowledgement, then the catch-up bound.
 */
export function withUserStates<R extends Remindable>(
  due: readonly R[],
  live: readonly R[],
  states: readonly ReminderState[],
  today: string,
  catchUpDays: number,
): R[] {
  const byKey = new Map(states.map((s) => [stateKey(s), s]));
  const touched = (r: R) => {
    const state = byKey.get(stateKey(r));
    return (
      state !== undefined &&
      (state.acknowledged || state.snoozedUntil !== null || REPEATING_KINDS.has(r.kind))
    );
  };
  const earliest = Number.isFinite(catchUpDays) ? addDays(today, -catchUpDays) : "";
  const result = due.filter((r) => !touched(r));
  for (const r of live) {
    if (!touched(r)) continue;
    const state = byKey.get(stateKey(r))!;
    // A snooze over restarts the count: the repeats go on from its day.
    const from =
      state.snoozedUntil !== null && state.snoozedUntil > r.dueOn ? state.snoozedUntil : r.dueOn;
    let next = r;
    if (REPEATING_KINDS.has(r.kind)) {
      const isDispute = r.kind.startsWith("dispute");
      const lastOn = isDispute ? r.eventOn : addDays(r.dueOn, REPEAT_FOR_DAYS);
      const repeat = latestRepeat(from, today, lastOn);
      if (repeat !== null && repeat > r.dueOn) next = { ...r, dueOn: repeat };
    }
    const after = afterUserState(next, state, today);
    if (after && after.dueOn >= earliest) result.push(after);
  }
  return result;
}
