// The cancellation case workflow (DESIGN.md "The case workflow") as pure
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
};

/** Every move the workflow allows from a state, in the order the UI offers them. */
export function allowedMoves(state: CaseState): Move[] {
  if (state === "withdrawn") return [];
  if (state === "confirmation_received") return [{ to: "under_review", kind: "reopen", skips: [] }];

  const moves: Move[] = [];
  if (state === "rejected") {
    for (const to of AFTER_REJECTION) moves.push({ to, kind: "retry", skips: [] });
  } else {
    const from = pathIndex(state);
    const skips: CaseState[] = [];
    for (let i = from + 1; i < MAIN_PATH.length; i++) {
      const to = MAIN_PATH[i]!;
      moves.push({ to, kind: "advance", skips: [...skips] });
      if (!OPTIONAL_STEPS.has(to)) break; // a required step is never jumped
      skips.push(to);
    }
    if (REJECTABLE_FROM.has(state)) moves.push({ to: "rejected", kind: "reject", skips: [] });
  }
  moves.push({ to: "withdrawn", kind: "withdraw", skips: [] });
  return moves;
}

export type TransitionRequest = {
  to: CaseState;
  comment?: string | null;
  rejectionReason?: RejectionReason | null;
  confirmationNumber?: string | null;
};

export type CaseFacts = {
  state: CaseState;
  confirmationNumber: string | null;
  receiptCount: number;
};

export type PlannedEvent = {
  from: CaseState;
  to: CaseState;
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
  | "evidence_required";

export type TransitionResult =
  { ok: true; plan: TransitionPlan } | { ok: false; reason: TransitionRefusal };

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Decides whether a move is allowed and what it writes: the events (skipped
 * steps first, then the move itself) and its effect on the subscription.
 */
export function planTransition(facts: CaseFacts, request: TransitionRequest): TransitionResult {
  const move = allowedMoves(facts.state).find((m) => m.to === request.to);
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
    !confirmationNumber &&
    !clean(facts.confirmationNumber) &&
    facts.receiptCount < 1
  ) {
    return { ok: false, reason: "evidence_required" };
  }

  const events: PlannedEvent[] = [];
  let from = facts.state;
  for (const skipped of move.skips) {
    events.push({ from, to: skipped, skipped: true, comment: null, rejectionReason: null });
    from = skipped;
  }
  events.push({ from, to: move.to, skipped: false, comment, rejectionReason });

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

/** What entering a state does to the subscription; null leaves it alone. */
export function subscriptionStatusAfter(state: CaseState): SubscriptionStatus | null {
  if (state === "confirmation_received") return "cancelled";
  if (state === "withdrawn") return "active";
  if (state === "under_review") return "cancelling"; // also undoes "cancelled" on reopen
  return null;
}

/**
 * How each main-path step stands for the stepper, given the case history. A
 * step the case has reached is done (or skipped, when it was jumped over);
 * the one after it is next, while the case is on the main path; the rest are
 * upcoming. A rejected or withdrawn case has no next step on the path (the
 * stepper shows the branch itself).
 */
export type StepStatus = "done" | "skipped" | "next" | "upcoming";

export function stepStatuses(
  state: CaseState,
  history: readonly { to: CaseState; skipped: boolean }[],
): { step: MainState; status: StepStatus }[] {
  // The latest event into a step says how it was reached: done or skipped.
  const skippedLast = new Map<CaseState, boolean>([["open", false]]);
  for (const event of history) skippedLast.set(event.to, event.skipped);

  // A side branch (rejected, withdrawn) sits at the last main-path step reached.
  let position = pathIndex(state);
  const onPath = position >= 0;
  if (!onPath) {
    const lastMain = [...history].reverse().find((event) => pathIndex(event.to) >= 0);
    position = lastMain ? pathIndex(lastMain.to) : 0;
  }

  return MAIN_PATH.map((step, index) => {
    if (index <= position) return { step, status: skippedLast.get(step) ? "skipped" : "done" };
    if (index === position + 1 && onPath) return { step, status: "next" };
    return { step, status: "upcoming" };
  });
}
