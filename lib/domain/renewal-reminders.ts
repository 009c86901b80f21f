// A subscription's renewal reminders: its own lead times (or the user's),
// and the last day its notice period leaves to cancel (issue 36, point 3).
import { addDays } from "./dates";
import { cancelByDate } from "./reminder-rules";
import type { Reminder, ReminderFacts } from "./reminders";

/**
 * Counting down to `eventOn` by `offsets` (days before, largest first): each
 * offset owns the days from its date up to the next offset's, the last one up
 * to `lastEnd`. The start of the one today falls in, or null. A subscription
 * added three days before renewal gets the "7 days" reminder at once (saying
 * 3 days), then the 1-day one.
 */
export function leadWindowStart(
  eventOn: string,
  offsets: readonly number[],
  today: string,
  lastEnd: string,
): string | null {
  for (let i = 0; i < offsets.length; i += 1) {
    const start = addDays(eventOn, -offsets[i]!);
    const next = offsets[i + 1];
    const end = next === undefined ? lastEnd : addDays(eventOn, -next);
    if (start <= today && today < end) return start;
  }
  return null;
}

/**
 * Each subscription's renewal reminder for today, counted by its own lead
 * times or else the user's (`defaultDays`); a lead time of 0 is the renewal
 * day itself. With a notice period, its cancel-by day is one more reminder.
 */
export function renewalReminders(
  subscriptions: ReminderFacts["subscriptions"],
  defaultDays: readonly number[],
  today: string,
  inWindow: (date: string) => boolean,
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const s of subscriptions) {
    if (s.cancelled || !s.nextRenewalOn) continue;
    const about = { provider: s.provider, caseId: null, subscriptionId: s.id, noteId: null };
    const offsets = [...new Set(s.remindDaysBefore ?? defaultDays)].sort((a, b) => b - a);
    // The renewal day counts only when 0 is one of the lead times.
    const lastEnd = offsets.at(-1) === 0 ? addDays(s.nextRenewalOn, 1) : s.nextRenewalOn;
    if (s.nextRenewalOn >= today) {
      const start = leadWindowStart(s.nextRenewalOn, offsets, today, lastEnd);
      if (start !== null && inWindow(start)) {
        reminders.push({
          kind: "renewal",
          targetId: s.id,
          dueOn: start,
          eventOn: s.nextRenewalOn,
          ...about,
        });
      }
    }
    const notice = cancelByDate(
      s.nextRenewalOn,
      s.noticeDays ?? null,
      s.billingCycle ?? "monthly",
      today,
    );
    // On the cancel-by day itself: a "last day" reminder a day late is wrong, so no catch-up.
    if (notice && notice.cancelBy === today) {
      reminders.push({
        kind: "cancel_by",
        targetId: s.id,
        dueOn: today,
        eventOn: notice.cancelBy,
        ...about,
      });
    }
  }
  return reminders;
}
