import { isClosed, type CaseState } from "./case-workflow";

/**
 * A case's follow-up is due once its day has come where the user is (today
 * or earlier, `today` from todayIn) and the case is still open. The data
 * layer's "follow-ups due" query asks the same in SQL.
 */
export function isFollowUpDue(
  kase: { nextFollowUpOn: string | null; state: CaseState },
  today: string,
): boolean {
  return Boolean(kase.nextFollowUpOn && kase.nextFollowUpOn <= today && !isClosed(kase.state));
}
