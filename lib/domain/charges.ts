// Statement lines against subscriptions, as pure rules: which lines are a
// subscription's (its merchant patterns), which charge after a confirmed
// cancellation is flagged, and when a
// cancellation is verified by a clean statement. By when a flagged charge
// can be disputed is lib/domain/dispute-deadlines.ts's.
import { addDays } from "./dates";
import { addCycle } from "./reminders";
import { normalizeDescription } from "./merchant-patterns";
import type { BillingCycle } from "./subscriptions";

/**
 * What one matched line is, for a case:
 * - before: on or before the confirmation (or no confirmation yet): the plan's own bill;
 * - final_bill: the one final bill the user said to expect, with its amount;
 * - refund: money back, never a problem;
 * - after: a charge after the cancellation was confirmed: flagged.
 */
export type ChargeKind = "before" | "final_bill" | "refund" | "after";

export type Charge = { id: string; postedOn: string; amount: number };

export type Watch = {
  /** The day the confirmation was recorded, in the user's zone; null while the case is open. */
  confirmedOn: string | null;
  /** The amount (cents) of a final bill the user expects after confirming, if any. */
  expectedFinalBill: number | null;
};

/** Charges (amount > 0) and refunds (< 0) of one subscription, each with its kind. */
export function classifyCharges<C extends Charge>(
  charges: readonly C[],
  watch: Watch,
): (C & { kind: ChargeKind })[] {
  const ordered = [...charges].sort(
    (a, b) => a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id),
  );
  let finalBillSeen = false;
  return ordered.map((charge) => {
    if (charge.amount <= 0) return { ...charge, kind: "refund" as const };
    if (!watch.confirmedOn || charge.postedOn <= watch.confirmedOn) {
      return { ...charge, kind: "before" as const };
    }
    if (!finalBillSeen && watch.expectedFinalBill === charge.amount) {
      finalBillSeen = true;
      return { ...charge, kind: "final_bill" as const };
    }
    return { ...charge, kind: "after" as const };
  });
}

export type Period = { start: string; end: string };

/**
 * Whether the imported statements, together, cover every day from the
 * confirmation to one billing cycle after it (gaps of a day between two
 * statements are allowed: one ends on the 4th, the next starts on the 5th).
 */
export function covers(periods: readonly Period[], from: string, to: string): boolean {
  let reached = addDays(from, -1);
  for (const period of [...periods].sort((a, b) => a.start.localeCompare(b.start))) {
    if (period.start > addDays(reached, 1)) break;
    if (period.end > reached) reached = period.end;
    if (reached >= to) return true;
  }
  return reached >= to;
}

/**
 * A confirmed case's watch: "charged" once a charge is flagged; "verified"
 * when statements covering a full cycle after the confirmation hold no
 * flagged charge; "watching" until then.
 */
export function watchStatus(input: {
  confirmedOn: string;
  billingCycle: BillingCycle;
  periods: readonly Period[];
  flagged: number;
}): "charged" | "verified" | "watching" {
  if (input.flagged > 0) return "charged";
  const cycleEnd = addCycle(input.confirmedOn, input.billingCycle);
  return covers(input.periods, input.confirmedOn, cycleEnd) ? "verified" : "watching";
}

/**
 * matchSubscription for many lines: every pattern is a key of one map, and a
 * line looks up each run of its words no longer than the longest pattern. The
 * work per line depends on the line and the longest pattern only, never on
 * how many subscriptions there are: an index by first word alone checked
 * 5,000 subscriptions sharing that word ("APPLE …") against every line, and
 * a 20,000-line import took 18 s.
 */
export function subscriptionMatcher(
  subscriptions: readonly { id: string; patterns: readonly string[] }[],
): (description: string) => string | null {
  // The first subscription to hold a pattern keeps it, as matchSubscription's strict ">" does.
  const byPattern = new Map<string, string>();
  let longestWords = 0;
  for (const subscription of subscriptions) {
    for (const pattern of subscription.patterns) {
      const words = normalizeDescription(pattern);
      if (!words || byPattern.has(words)) continue;
      byPattern.set(words, subscription.id);
      longestWords = Math.max(longestWords, words.split(" ").length);
    }
  }
  return (description) => {
    const normalized = normalizeDescription(description);
    if (!normalized) return null;
    const words = normalized.split(" ");
    let best: { id: string; length: number } | null = null;
    for (let start = 0; start < words.length; start++) {
      let run = "";
      for (let end = start; end < words.length && end - start < longestWords; end++) {
        run = end === start ? words[end]! : `${run} ${words[end]}`;
        const id = byPattern.get(run);
        if (id !== undefined && (!best || run.length > best.length)) {
          best = { id, length: run.length };
        }
      }
    }
    return best?.id ?? null;
  };
}
