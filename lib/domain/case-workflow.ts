// The cancellation case workflow (docs/contract.md "The case workflow") as pure
// code. The UI and the API both ask this module what moves are allowed;
// nothing else decides.
import type { SubscriptionStatus } from "./subscriptions";

export const MAIN_PATH = [
  "open",
  "bill_checked",
  "data_backed_up",
  "payment_unlinked",
  "request_submitted",
  "identity_verified",
  "under_review",
  "confirmation_received",
] as const;

export const CASE_STATES = [...MAIN_PATH, "rejected", "withdrawn"] as const;
export type CaseState = (typeof CASE_STATES)[number];
export type MainState = (typeof MAIN_PATH)[number];

export const OPTIONAL_STEPS: ReadonlySet<CaseState> = new Set([
  "data_backed_up",
  "payment_unlinked",
  "identity_verified",
  "under_review",
]);

export const REJECTION_REASONS = [
  "unpaid_balance",
  "identity_failed",
  "wrong_channel",
  "retention",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

const REJECTABLE_FROM: ReadonlySet<CaseState> = new Set([
  "request_submitted",
  "identity_verified",
  "under_review",
]);
const AFTER_REJECTION: readonly CaseState[] = ["bill_checked", "request_submitted"];

export function isCaseState(value: unknown): value is CaseState {
  return typeof value === "string" && (CASE_STATES as readonly string[]).includes(value);
}

/** Terminal: nothing moves on from here except reopening a confirmed case. */
export const CLOSED_STATES = [
  "confirmation_received",
  "withdrawn",
] as const satisfies readonly CaseState[];

export function isClosed(state: CaseState): boolean {
  return (CLOSED_STATES as readonly CaseState[]).includes(state);
}

function pathIndex(state: CaseState): number {
  return (MAIN_PATH as readonly string[]).indexOf(state);
}

export type MoveKind = "advance" | "reject" | "retry" | "withdraw" | "reopen";

export type Move = {
  to: CaseState;
  kind: MoveKind;
  /** Optional main-path steps this move jumps over, recorded as skipped. */
  skips: CaseState[];
  /** The step was done once already in this case (before a rejection): this move does it again. */
  again: boolean;
};

/** No step done yet beyond where the case stands: a case's first pass. */
const NOTHING_DONE: ReadonlySet<CaseState> = new Set();

/**
 * The steps a history has done: entered by an event that did not skip them,
 * at any time. Done is a property of the whole history, not of the last pass:
 * data backed up before a rejection is still backed up after it.
 */
export function doneSteps(history: readonly { to: CaseState; skipped: boolean }[]): Set<CaseState> {
  return new Set(history.filter((event) => !event.skipped).map((event) => event.to));
}

/**
 * For a history in time order, whether each event is a skip of a step done
 * earlier: rows written before done steps stayed done (a resubmission after
 * a rejection jumped them again). The record says the step was done already,
 * never that it was skipped.
 */
export function skipsOfDoneSteps(
  history: readonly { to: CaseState; skipped: boolean }[],
): boolean[] {
  const done = new Set<CaseState>();
  return history.map((event) => {
    if (!event.skipped) {
      done.add(event.to);
      return false;
    }
    return done.has(event.to);
  });
}

/**
 * Every move the workflow allows from a state, in the order the UI offers
 * them (the first forward move is the one it suggests). `done` is the set of
 * steps the case has done before (doneSteps of its history): a jump over a
 * done step does not record it as skipped, and a move to an optional step
 * done already comes after the others (after a rejection for an unpaid
 * balance, once the bill is settled, the next thing is to resubmit).
 */
export function allowedMoves(
  state: CaseState,
  done: ReadonlySet<CaseState> = NOTHING_DONE,
): Move[] {
  const move = (to: CaseState, kind: MoveKind, skips: CaseState[] = []): Move => ({
    to,
    kind,
    skips,
    again: false,
  });
  if (state === "withdrawn") return [];
  if (state === "confirmation_received") return [move("under_review", "reopen")];

  const moves: Move[] = [];
  if (state === "rejected") {
    for (const to of AFTER_REJECTION) moves.push(move(to, "retry"));
  } else {
    const from = pathIndex(state);
    const skips: CaseState[] = [];
    const forward: Move[] = [];
    for (let i = from + 1; i < MAIN_PATH.length; i++) {
      const to = MAIN_PATH[i]!;
      const optional = OPTIONAL_STEPS.has(to);
      forward.push({ ...move(to, "advance", [...skips]), again: done.has(to) });
      if (!optional) break; // a required step is never jumped
      if (!done.has(to)) skips.push(to);
    }
    // An optional step done before stays done; a required one (the request)
    // is done anew after a rejection. So the suggested move is the first one
    // not to an optional step already done; those come last, in path order.
    const redo = (m: Move) => m.again && OPTIONAL_STEPS.has(m.to);
    moves.push(...forward.filter((m) => !redo(m)), ...forward.filter(redo));
    if (REJECTABLE_FROM.has(state)) moves.push(move("rejected", "reject"));
  }
  moves.push(move("withdrawn", "withdraw"));
  return moves;
}

export type TransitionRequest = {
  to: CaseState;
  /** The day it happened (YYYY-MM-DD, user's zone); today when not given. */
  occurredOn?: string | null;
  comment?: string | null;
  rejectionReason?: RejectionReason | null;
  confirmationNumber?: string | null;
};

export type CaseFacts = {
  state: CaseState;
  /** The steps done at any time in the case's history (doneSteps). */
  done: ReadonlySet<CaseState>;
  confirmationNumber: string | null;
  receiptCount: number;
  /** Today in the user's zone: a step cannot have happened later. */
  today: string;
  /** The day the case's latest step happened: a new one cannot have happened before it. */
  lastOccurredOn: string;
};

export type PlannedEvent = {
  from: CaseState;
  to: CaseState;
  occurredOn: string;
  skipped: boolean;
  comment: string | null;
  rejectionReason: RejectionReason | null;
};

export type TransitionPlan = {
  to: CaseState;
  events: PlannedEvent[];
  /** The confirmation number to store, when the request brought one. */
  confirmationNumber: string | null;
  /** true: the case closes now (closedAt is set); null: it reopens (closedAt is cleared); false: closedAt stays as it is. */
  closes: boolean | null;
  subscriptionStatus: SubscriptionStatus | null;
};

export type TransitionRefusal =
  | "not_allowed"
  | "rejection_reason_required"
  | "rejection_reason_unexpected"
  | "comment_required"
  | "evidence_required"
  | "date_in_future"
  | "date_out_of_order";

export type TransitionResult =
  { ok: true; plan: TransitionPlan } | { ok: false; reason: TransitionRefusal };

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The proof rule, the one copy of it: a confirmed case holds a confirmation
 * number or at least one receipt. A blank number is no number. Entering
 * confirmation_received, clearing a confirmed case's number and deleting its
 * receipts all ask this of the case as it would be after the change.
 */
export function hasProof(kase: {
  confirmationNumber: string | null | undefined;
  receiptCount: number;
}): boolean {
  return clean(kase.confirmationNumber) !== null || kase.receiptCount > 0;
}

/**
 * Decides whether a move is allowed and what it writes: the events (skipped
 * steps first, then the move itself) and its effect on the subscription.
 */
export function planTransition(facts: CaseFacts, request: TransitionRequest): TransitionResult {
  const move = allowedMoves(facts.state, facts.done).find((m) => m.to === request.to);
  if (!move) return { ok: false, reason: "not_allowed" };

  const comment = clean(request.comment);
  const rejectionReason = request.rejectionReason ?? null;
  if (move.kind === "reject" && !rejectionReason)
    return { ok: false, reason: "rejection_reason_required" };
  if (move.kind !== "reject" && rejectionReason)
    return { ok: false, reason: "rejection_reason_unexpected" };
  if (move.kind === "reopen" && !comment) return { ok: false, reason: "comment_required" };

  const confirmationNumber = clean(request.confirmationNumber);
  if (
    move.to === "confirmation_received" &&
    !hasProof({
      confirmationNumber: confirmationNumber ?? facts.confirmationNumber,
      receiptCount: facts.receiptCount,
    })
  ) {
    return { ok: false, reason: "evidence_required" };
  }

  const dated = occurredOnOf(facts, request.occurredOn);
  if (!dated.ok) return dated;
  const { occurredOn } = dated;

  const events: PlannedEvent[] = [];
  let from = facts.state;
  for (const skipped of move.skips) {
    events.push({
      from,
      to: skipped,
      occurredOn,
      skipped: true,
      comment: null,
      rejectionReason: null,
    });
    from = skipped;
  }
  events.push({ from, to: move.to, occurredOn, skipped: false, comment, rejectionReason });

  return {
    ok: true,
    plan: {
      to: move.to,
      events,
      confirmationNumber,
      closes: isClosed(move.to) ? true : move.kind === "reopen" ? null : false,
      subscriptionStatus: subscriptionStatusAfter(move.to),
    },
  };
}

/**
 * The day a step happened: the one the user gives, never after today (in
 * their zone) nor before the case's previous step (the history stays in
 * order); by default today, or the previous step's day when that is later
 * (the user moved west since).
 */
export function occurredOnOf(
  facts: Pick<CaseFacts, "today" | "lastOccurredOn">,
  given: string | null | undefined,
):
  { ok: true; occurredOn: string } | { ok: false; reason: "date_in_future" | "date_out_of_order" } {
  if (!given) {
    return {
      ok: true,
      occurredOn: facts.lastOccurredOn > facts.today ? facts.lastOccurredOn : facts.today,
    };
  }
  if (given > facts.today) return { ok: false, reason: "date_in_future" };
  if (given < facts.lastOccurredOn) return { ok: false, reason: "date_out_of_order" };
  return { ok: true, occurredOn: given };
}

/** What entering a state does to the subscription; null leaves it alone. */
export function subscriptionStatusAfter(state: CaseState): SubscriptionStatus | null {
  if (state === "confirmation_received") return "cancelled";
  if (state === "withdrawn") return "active";
  if (state === "under_review") return "cancelling"; // also undoes "cancelled" on reopen
  return null;
}

/**
 * How each main-path step stands for the stepper, given the case history (every
 * event, or one per state: what matters is whether a state was ever entered
 * without being skipped, and which main-path step was reached last). A step
 * done at any time stays done, through a rejection loop too; a step reached
 * only by jumping it is skipped. Past where the case stands, the optional
 * steps already done (before a rejection) stay done, and the first step
 * after them is next, while the case is on the main path; the rest are
 * upcoming. A rejected or withdrawn case has no next step on the path (the
 * stepper shows the branch itself).
 */
export type StepStatus = "done" | "skipped" | "next" | "upcoming";

export function stepStatuses(
  state: CaseState,
  history: readonly { to: CaseState; skipped: boolean }[],
): { step: MainState; status: StepStatus }[] {
  const done = doneSteps(history);
  done.add("open");

  // A side branch (rejected, withdrawn) sits at the last main-path step reached.
  let position = pathIndex(state);
  const onPath = position >= 0;
  if (!onPath) {
    const lastMain = [...history].reverse().find((event) => pathIndex(event.to) >= 0);
    position = lastMain ? pathIndex(lastMain.to) : 0;
  }

  let ahead = true; // still among the done optional steps right after the position
  return MAIN_PATH.map((step, index) => {
    if (index <= position) return { step, status: done.has(step) ? "done" : "skipped" };
    if (ahead && OPTIONAL_STEPS.has(step) && done.has(step)) return { step, status: "done" };
    const first = ahead;
    ahead = false;
    return { step, status: first && onPath ? "next" : "upcoming" };
  });
}
