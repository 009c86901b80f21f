// A dispute of one charge followed to its outcome (issue 34, point 2), as
// pure rules: which moves are allowed, which of the bank's duties are met
// and which are late, and what to try after a denial. The deadlines
// themselves (what the law gives the bank) are ./dispute-deadlines.ts.
import { addDays } from "./dates";
import { bankDuties, type BankDuty, type DisputeDeadline } from "./dispute-deadlines";

export {
  CLOSED_DISPUTE_STATUSES,
  DISPUTE_CHANNELS,
  DISPUTE_LAWS,
  DISPUTE_STATUSES,
  type ClosedDisputeStatus,
  type DisputeChannel,
  type DisputeLaw,
  type DisputeStatus,
} from "./dispute-kinds";
import {
  CLOSED_DISPUTE_STATUSES,
  type ClosedDisputeStatus,
  type DisputeLaw,
  type DisputeStatus,
} from "./dispute-kinds";

export function isClosedStatus(status: DisputeStatus): status is ClosedDisputeStatus {
  return (CLOSED_DISPUTE_STATUSES as readonly string[]).includes(status);
}

/**
 * Whether a dispute may move from `from` to `to`. Staying put is allowed (a
 * reference or a note is corrected). An outcome is final: a charge disputed
 * again is a new dispute, so the closed one stays the record of what the bank
 * said. A provisional credit cannot be taken back to "filed": the bank gave it.
 */
export function canMoveDispute(from: DisputeStatus, to: DisputeStatus): boolean {
  if (from === to) return true;
  if (isClosedStatus(from)) return false;
  if (from === "provisional_credit") return isClosedStatus(to);
  return true;
}

/**
 * Whether the dispute shows the bank did what `duty` asks: a provisional
 * credit or any outcome meets "investigate or credit"; only an outcome meets
 * "resolve"; the acknowledgement is met by its recorded day, or by the bank
 * answering at all (a provisional credit, an outcome). An acknowledgement
 * not recorded counts as not made: once its day passes the user is asked
 * about it, and recording the day of the bank's letter settles it.
 */
export function dutyMet(
  duty: BankDuty,
  dispute: { status: DisputeStatus; acknowledgedOn: string | null },
): boolean {
  if (isClosedStatus(dispute.status)) return true;
  if (duty === "investigate_or_credit") return dispute.status === "provisional_credit";
  if (duty === "resolve") return false;
  return dispute.acknowledgedOn !== null || dispute.status === "provisional_credit";
}

export type BankDutyState = {
  duty: BankDuty;
  by: string;
  /** True once the dispute shows it done. */
  met: boolean;
  /** Past its day (the day itself still counts as in time) and not met. */
  late: boolean;
  /** The first day it was late (the day after `by`), while it is late. */
  lateSince: string | null;
};

/** The bank's duties for a dispute filed on `filedOn` under `law`, each met, pending or late on `today`. */
export function bankDutyStates(
  dispute: {
    law: DisputeLaw;
    filedOn: string;
    status: DisputeStatus;
    acknowledgedOn: string | null;
  },
  today: string,
): BankDutyState[] {
  return bankDuties(dispute.law, dispute.filedOn).map(({ duty, by }) => {
    const met = dutyMet(duty, dispute);
    const late = !met && today > by;
    return { duty, by, met, late, lateSince: late ? addDays(by, 1) : null };
  });
}

/**
 * What an open dispute waits for next: the first duty the bank is late with
 * (late since the day after its last day), else the nearest one still ahead.
 * A closed dispute waits for nothing.
 */
export type DisputeNext =
  { kind: "late"; duty: BankDuty; since: string } | { kind: "due"; duty: BankDuty; by: string };

export function disputeNext(duties: readonly BankDutyState[]): DisputeNext | null {
  const late = duties.find((d) => d.late);
  if (late?.lateSince) return { kind: "late", duty: late.duty, since: late.lateSince };
  const due = duties.find((d) => !d.met);
  return due ? { kind: "due", duty: due.duty, by: due.by } : null;
}

export type DisputeSuggestion =
  { kind: "network_chargeback"; until: string } | { kind: "cfpb_complaint" };

/**
 * After a denial: the card network's chargeback while its window (from the
 * line's deadlines) is still open today, and a complaint to the CFPB, which
 * needs no window. Any other status suggests nothing.
 */
export function nextStepsAfter(
  status: DisputeStatus,
  deadlines: readonly DisputeDeadline[],
  today: string,
): DisputeSuggestion[] {
  if (status !== "denied") return [];
  const network = deadlines.find((d) => d.rule === "network");
  return [
    ...(network && network.on >= today
      ? [{ kind: "network_chargeback" as const, until: network.on }]
      : []),
    { kind: "cfpb_complaint" },
  ];
}

export type DisputeDates = {
  status: DisputeStatus;
  filedOn: string;
  acknowledgedOn: string | null;
  provisionalCreditOn: string | null;
  provisionalCreditAmount: number | null;
  resolvedOn: string | null;
};

export type DisputeProblem = {
  problem: "move" | "resolved_open" | "in_future" | "before_filed" | "over_charge";
  field: keyof DisputeDates | "provisionalCreditAmount";
};

/**
 * A dispute after a change, or why it cannot be made. Moving to a provisional
 * credit fills its day (today) and amount (the whole charge) when not given;
 * an outcome fills its resolution day (today). Days are not after today nor
 * before the filing; a credit is at most the charge (`charge`, in cents).
 * Values left as they were are not checked again.
 */
export function disputeChange(
  stored: DisputeDates,
  change: Partial<Omit<DisputeDates, "filedOn">>,
  charge: number,
  today: string,
): { next: Omit<DisputeDates, "filedOn"> } | DisputeProblem {
  const status = change.status ?? stored.status;
  if (!canMoveDispute(stored.status, status)) return { problem: "move", field: "status" };
  const crediting = status === "provisional_credit" && stored.status === "filed";
  const pick = <
    K extends "acknowledgedOn" | "provisionalCreditOn" | "provisionalCreditAmount" | "resolvedOn",
  >(
    key: K,
    fill: DisputeDates[K],
  ): DisputeDates[K] => (change[key] !== undefined ? change[key]! : (stored[key] ?? fill));
  const next = {
    status,
    acknowledgedOn: pick("acknowledgedOn", null),
    provisionalCreditOn: pick("provisionalCreditOn", crediting ? today : null),
    provisionalCreditAmount: pick("provisionalCreditAmount", crediting ? charge : null),
    resolvedOn: pick("resolvedOn", isClosedStatus(status) ? today : null),
  };
  // An outcome always has its day: an explicit null there means "today".
  if (isClosedStatus(status) && next.resolvedOn === null) next.resolvedOn = today;
  if (!isClosedStatus(status) && next.resolvedOn !== null)
    return { problem: "resolved_open", field: "resolvedOn" };
  for (const field of ["acknowledgedOn", "provisionalCreditOn", "resolvedOn"] as const) {
    const day = next[field];
    if (day === null || day === stored[field]) continue;
    if (day > today) return { problem: "in_future", field };
    if (day < stored.filedOn) return { problem: "before_filed", field };
  }
  const amount = next.provisionalCreditAmount;
  if (amount !== null && amount !== stored.provisionalCreditAmount && amount > charge)
    return { problem: "over_charge", field: "provisionalCreditAmount" };
  return { next };
}

/**
 * The CFPB's complaint page, linked beside the suggestion. Read on 2026-12-06
 * through a capture of the page (urlscan.io, effective URL below) and the
 * CFPB's own guide, which says "To submit a complaint, go to:
 * consumerfinance.gov/complaint" (issuhub.com/view/index/4410?pageIndex=262).
 * The page itself was read the same day in the UNT CyberCemetery's archive
 * of it (cybercemetery.unt.edu/archive/oilspill/20130215152615/http://www.consumerfinance.gov/complaint:
 * "You submit a complaint about an issue you have with a company about a
 * consumer financial product or service"); consumerfinance.gov is not
 * reachable from the machines this was written on.
 */
export const CFPB_COMPLAINT_URL = "https://www.consumerfinance.gov/complaint/";

export type DisputeStep = {
  step: DisputeStatus | "acknowledged";
  on: string;
};

/**
 * A dispute's steps for the case's history, oldest first: filed, the bank's
 * acknowledgement and the provisional credit when there were, the outcome
 * when there is one.
 */
export function disputeSteps(dispute: {
  status: DisputeStatus;
  filedOn: string;
  acknowledgedOn: string | null;
  provisionalCreditOn: string | null;
  resolvedOn: string | null;
}): DisputeStep[] {
  return [
    { step: "filed" as const, on: dispute.filedOn },
    ...(dispute.acknowledgedOn
      ? [{ step: "acknowledged" as const, on: dispute.acknowledgedOn }]
      : []),
    ...(dispute.provisionalCreditOn
      ? [{ step: "provisional_credit" as const, on: dispute.provisionalCreditOn }]
      : []),
    ...(isClosedStatus(dispute.status) && dispute.resolvedOn
      ? [{ step: dispute.status, on: dispute.resolvedOn }]
      : []),
  ];
}

/** An open dispute as the reminder rules read it (lib/data/reminder-facts.ts). */
export type OpenDisputeFact = {
  id: string;
  caseId: string | null;
  /** The subscription's provider, or the charge's descriptor when the case is gone. */
  provider: string;
  law: DisputeLaw;
  filedOn: string;
  status: DisputeStatus;
  acknowledgedOn: string | null;
};

/**
 * A reminder for each duty the bank is late with, due the first day it is
 * late (its claim makes it once-only), within `inWindow` like every other
 * date. An FCBA acknowledgement not recorded by its day is late (see dutyMet).
 */
export function bankLateReminders(
  disputes: readonly OpenDisputeFact[],
  today: string,
  inWindow: (date: string) => boolean,
) {
  return disputes.flatMap((dispute) =>
    bankDutyStates(dispute, today)
      .filter((duty) => duty.late && inWindow(addDays(duty.by, 1)))
      .map((duty) => ({
        kind: "bank_late" as const,
        targetId: dispute.id,
        dueOn: addDays(duty.by, 1),
        eventOn: duty.by,
        provider: dispute.provider,
        caseId: dispute.caseId,
        subscriptionId: null,
        noteId: null,
      })),
  );
}
