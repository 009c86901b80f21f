import { isClosed, type CaseState } from "./case-workflow";

/**
 * Where a case's next follow-up stands on the user's calendar: `overdue`
 * (its day has passed), `due_today`, `upcoming`, or null (no date, or the
 * case is closed: a confirmed or withdrawn case has nothing pending). The
 * one rule for the dashboard, the lists, the case page and the API; `today`
 * is todayIn(the user's time zone). The data layer's "follow-ups due" query
 * asks the same in SQL (overdue or due today).
 */
export type FollowUpStatus = "overdue" | "due_today" | "upcoming";

export function followUpStatus(
  kase: { nextFollowUpOn: string | null; state: CaseState },
  today: string,
): FollowUpStatus | null {
  if (!kase.nextFollowUpOn || isClosed(kase.state)) return null;
  if (kase.nextFollowUpOn < today) return "overdue";
  return kase.nextFollowUpOn === today ? "due_today" : "upcoming";
}

/**
 * The follow-up date a contact note carries over to its case: the date the
 * provider promised, when it is later than today (the user's); null leaves
 * the case's own date alone. A promise for today or earlier is a call-back
 * the reminders read from the note itself, not a follow-up still ahead.
 */
export function promisedFollowUp(
  promisedOn: string | null | undefined,
  today: string,
): string | null {
  return promisedOn && promisedOn > today ? promisedOn : null;
}
