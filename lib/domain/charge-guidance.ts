import type { DisputeDeadline } from "./dispute-deadlines";

// What a case reopened over a charge is about (issue 34): getting the money
// back before the bank's deadline, not waiting on the provider's review. The
// deadline named is the nearest still open among the case's flagged charges.

export type ReopenedGuidance =
  | { kind: "deadline"; deadline: DisputeDeadline }
  /** Every deadline has passed. */
  | { kind: "passed" }
  /** No deadline yet: no statement date, and no card network's window. */
  | { kind: "no_date" };

export function reopenedGuidance(
  flagged: readonly { disputeDeadlines: readonly DisputeDeadline[] }[],
  today: string,
): ReopenedGuidance {
  const all = flagged.flatMap((charge) => charge.disputeDeadlines);
  if (all.length === 0) return { kind: "no_date" };
  const open = all.filter((d) => d.on >= today).sort((a, b) => a.on.localeCompare(b.on));
  return open[0] ? { kind: "deadline", deadline: open[0] } : { kind: "passed" };
}
