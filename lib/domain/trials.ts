import { addDays, daysBetween } from "./dates";

// Free trials (issue 33, point 7). A trial that ends on day D charges on D:
// the last safe day to cancel is the day before.

/** The last day to cancel without paying: the day before the trial ends. */
export function trialCancelBy(trialEndsOn: string): string {
  return addDays(trialEndsOn, -1);
}

/** How far ahead the dashboard looks for trials to cancel. */
export const TRIALS_AHEAD_DAYS = 14;

/**
 * The trials still worth cancelling, soonest first: not cancelled, and a
 * cancel-by day from yesterday (missed by a day is still worth a look: the
 * charge may not have come yet) to `aheadDays` from today.
 */
export function trialsEnding<T extends { trialEndsOn: string | null; cancelled: boolean }>(
  subscriptions: readonly T[],
  today: string,
  aheadDays = TRIALS_AHEAD_DAYS,
): (T & { trialEndsOn: string; cancelBy: string; daysLeft: number })[] {
  return subscriptions
    .flatMap((s) => {
      if (s.cancelled || !s.trialEndsOn) return [];
      const cancelBy = trialCancelBy(s.trialEndsOn);
      const daysLeft = daysBetween(today, cancelBy);
      if (daysLeft < -1 || daysLeft > aheadDays) return [];
      return [{ ...s, trialEndsOn: s.trialEndsOn, cancelBy, daysLeft }];
    })
    .sort((a, b) => a.cancelBy.localeCompare(b.cancelBy));
}
