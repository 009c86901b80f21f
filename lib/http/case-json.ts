import { todayIn } from "@/lib/domain/dates";
import { followUpStatus, type FollowUpStatus } from "@/lib/domain/follow-ups";
import type { CaseState } from "@/lib/domain/case-workflow";

type CaseLike = { nextFollowUpOn: string | null; state: CaseState };

/**
 * A case as the API answers it: the data layer's DTO plus `followUpStatus`
 * (overdue | due_today | upcoming | null) on the caller's calendar, by the
 * same rule the pages use.
 */
export function caseJson<T extends CaseLike>(
  user: { timeZone: string },
  kase: T,
): T & { followUpStatus: FollowUpStatus | null } {
  return { ...kase, followUpStatus: followUpStatus(kase, todayIn(user.timeZone)) };
}

export function casePageJson<T extends CaseLike, P extends { items: T[] }>(
  user: { timeZone: string },
  page: P,
) {
  return { ...page, items: page.items.map((kase) => caseJson(user, kase)) };
}
