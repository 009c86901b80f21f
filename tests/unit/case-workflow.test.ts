import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedMoves,
  CASE_STATES,
  doneSteps,
  hasProof,
  isClosed,
  MAIN_PATH,
  OPTIONAL_STEPS,
  planTransition,
  REJECTION_REASONS,
  skipsOfDoneSteps,
  stepStatuses,
  type CaseFacts,
  type CaseState,
  type PlannedEvent,
  type TransitionRequest,
} from "@/lib/domain/case-workflow";

const facts = (state: CaseState, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  done: new Set(),
  confirmationNumber: null,
  receiptCount: 0,
  today: "2026-12-12",
  lastOccurredOn: "2026-12-01",
  ...extra,
});

const targets = (state: CaseState) => allowedMoves(state).map((m) => m.to);

describe("the case workflow", () => {
  it("starts at open and may only go to bill_checked (a required step) or be withdrawn", () => {
    expect(targets("open")).toEqual(["bill_checked", "withdrawn"]);
  });

  it("jumps optional steps forward, but never a required one", () => {
    expect(targets("bill_checked")).toEqual([
      "data_backed_up",
      "payment_unlinked",
      "request_submitted",
      "withdrawn",
    ]);
    expect(targets("request_submitted")).toEqual([
      "identity_verified",
      "under_review",
      "confirmation_received",
      "rejected",
      "withdrawn",
    ]);
    const jump = allowedMoves("bill_checked").find((m) => m.to === "request_submitted");
    expect(jump?.skips).toEqual(["data_backed_up", "payment_unlinked"]);
  });

  it("records each jumped step as a skipped event before the move itself", () => {
    const result = planTransition(facts("bill_checked"), {
      to: "request_submitted",
      comment: "filed online",
    });
    expect(result.ok && result.plan.events).toEqual([
      {
        from: "bill_checked",
        to: "data_backed_up",
        occurredOn: "2026-12-12",
        skipped: true,
        comment: null,
        rejectionReason: null,
      },
      {
        from: "data_backed_up",
        to: "payment_unlinked",
        occurredOn: "2026-12-12",
        skipped: true,
        comment: null,
        rejectionReason: null,
      },
      {
        from: "payment_unlinked",
        to: "request_submitted",
        occurredOn: "2026-12-12",
        skipped: false,
        comment: "filed online",
        rejectionReason: null,
      },
    ]);
  });

  it("rejects only a submitted request, with a reason, and retries from the bill or the request", () => {
    for (const state of CASE_STATES) {
      const canReject = targets(state).includes("rejected");
      expect(canReject, state).toBe(
        ["request_submitted", "identity_verified", "under_review"].includes(state),
      );
    }
    expect(planTransition(facts("under_review"), { to: "rejected" })).toEqual({
      ok: false,
      reason: "rejection_reason_required",
    });
    const rejected = planTransition(facts("under_review"), {
      to: "rejected",
      rejectionReason: "unpaid_balance",
    });
    expect(rejected.ok && rejected.plan.events[0]?.rejectionReason).toBe("unpaid_balance");
    expect(targets("rejected")).toEqual(["bill_checked", "request_submitted", "withdrawn"]);
    expect(
      planTransition(facts("bill_checked"), { to: "request_submitted", rejectionReason: "other" }),
    ).toEqual({
      ok: false,
      reason: "rejection_reason_unexpected",
    });
  });

  it("counts a confirmation number or a receipt as proof, and a blank number as none", () => {
    expect(hasProof({ confirmationNumber: "CX-1", receiptCount: 0 })).toBe(true);
    expect(hasProof({ confirmationNumber: null, receiptCount: 1 })).toBe(true);
    expect(hasProof({ confirmationNumber: "  ", receiptCount: 1 })).toBe(true);
    expect(hasProof({ confirmationNumber: null, receiptCount: 0 })).toBe(false);
    expect(hasProof({ confirmationNumber: undefined, receiptCount: 0 })).toBe(false);
    expect(hasProof({ confirmationNumber: "", receiptCount: 0 })).toBe(false);
    expect(hasProof({ confirmationNumber: " \t ", receiptCount: 0 })).toBe(false);
  });

  it("needs a confirmation number or a receipt to confirm", () => {
    const from = facts("request_submitted");
    expect(planTransition(from, { to: "confirmation_received" })).toEqual({
      ok: false,
      reason: "evidence_required",
    });
    expect(
      planTransition(from, { to: "confirmation_received", confirmationNumber: "   " }),
    ).toEqual({
      ok: false,
      reason: "evidence_required",
    });
    const withNumber = planTransition(from, {
      to: "confirmation_received",
      confirmationNumber: " CX-1234 ",
    });
    expect(withNumber.ok && withNumber.plan).toMatchObject({
      confirmationNumber: "CX-1234",
      closes: true,
      subscriptionStatus: "cancelled",
    });
    expect(planTransition({ ...from, receiptCount: 1 }, { to: "confirmation_received" }).ok).toBe(
      true,
    );
    expect(
      planTransition({ ...from, confirmationNumber: "on file" }, { to: "confirmation_received" })
        .ok,
    ).toBe(true);
  });

  it("withdraws from any open state and puts the subscription back to active", () => {
    for (const state of CASE_STATES) {
      expect(targets(state).includes("withdrawn"), state).toBe(!isClosed(state));
    }
    const result = planTransition(facts("under_review"), { to: "withdrawn" });
    expect(result.ok && result.plan).toMatchObject({ closes: true, subscriptionStatus: "active" });
    expect(targets("withdrawn")).toEqual([]);
  });

  it("reopens a confirmed case to under_review, with a comment", () => {
    expect(targets("confirmation_received")).toEqual(["under_review"]);
    expect(planTransition(facts("confirmation_received"), { to: "under_review" })).toEqual({
      ok: false,
      reason: "comment_required",
    });
    const result = planTransition(facts("confirmation_received"), {
      to: "under_review",
      comment: "charged again",
    });
    expect(result.ok && result.plan).toMatchObject({
      closes: null,
      subscriptionStatus: "cancelling",
    });
  });
});

// Walks the workflow at random, choosing among the moves it offers and
// sometimes asking for moves it does not: whatever happens, the invariants hold.
const walk = fc.array(
  fc.record({
    pick: fc.nat(),
    wild: fc.constantFrom<CaseState | null>(null, null, null, ...CASE_STATES),
    number: fc.option(fc.constantFrom("CX-1", "  ", "A9"), { nil: null }),
    receipts: fc.nat({ max: 2 }),
    reason: fc.option(fc.constantFrom(...REJECTION_REASONS), { nil: null }),
    comment: fc.option(fc.string(), { nil: null }),
  }),
  { maxLength: 40 },
);

describe("the case workflow, property-tested", () => {
  it("never reaches confirmation_received without bill_checked and request_submitted done", () => {
    fc.assert(
      fc.property(walk, (steps) => {
        let state: CaseState = "open";
        const history: PlannedEvent[] = [];
        for (const step of steps) {
          const moves = allowedMoves(state);
          const to = step.wild ?? moves[step.pick % Math.max(moves.length, 1)]?.to;
          if (!to) continue;
          const result = planTransition(
            {
              state,
              done: doneSteps(history),
              confirmationNumber: null,
              receiptCount: step.receipts,
              today: "2026-12-12",
              lastOccurredOn: "2026-12-01",
            },
            {
              to,
              confirmationNumber: step.number,
              rejectionReason: step.reason,
              comment: step.comment,
            },
          );
          if (!moves.some((m) => m.to === to))
            expect(result).toEqual({ ok: false, reason: "not_allowed" });
          if (!result.ok) continue;

          // Events chain from the current state to the target, skipping only optional steps.
          const events = result.plan.events;
          expect(events[0]?.from).toBe(state);
          events.forEach((event, i) => {
            if (i > 0) expect(event.from).toBe(events[i - 1]?.to);
            if (event.skipped) expect(OPTIONAL_STEPS.has(event.to)).toBe(true);
          });
          expect(events.at(-1)?.to).toBe(to);
          // A step done once is never recorded as skipped afterwards.
          const doneBefore = doneSteps(history);
          for (const event of events)
            if (event.skipped) expect(doneBefore.has(event.to)).toBe(false);
          history.push(...events);
          state = to;

          // The stepper never shows a step done at any time as skipped. (One
          // past where the case stands after a rejection loop is to do again:
          // rejected → bill_checked leaves request_submitted upcoming.)
          const everDone = doneSteps(history);
          for (const { step, status } of stepStatuses(state, history)) {
            if (everDone.has(step)) expect(status).not.toBe("skipped");
          }

          if (state === "confirmation_received") {
            const done = new Set(history.filter((e) => !e.skipped).map((e) => e.to));
            expect(done.has("bill_checked")).toBe(true);
            expect(done.has("request_submitted")).toBe(true);
            expect(step.receipts > 0 || Boolean(step.number?.trim())).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("refuses every move that allowedMoves does not list", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_STATES), (from, to) => {
        const listed = targets(from).includes(to);
        const result = planTransition(facts(from, { receiptCount: 1 }), {
          to,
          rejectionReason: to === "rejected" ? "other" : null,
          comment: "because",
        });
        expect(result.ok).toBe(listed);
      }),
    );
  });
});

describe("the stepper", () => {
  it("shows the steps reached as done or skipped, the one after as next, the rest upcoming", () => {
    const history = [
      { to: "bill_checked" as const, skipped: false },
      { to: "data_backed_up" as const, skipped: true },
      { to: "payment_unlinked" as const, skipped: false },
      { to: "request_submitted" as const, skipped: false },
    ];
    expect(stepStatuses("request_submitted", history).map((s) => s.status)).toEqual([
      "done",
      "done",
      "skipped",
      "done",
      "done",
      "next",
      "upcoming",
      "upcoming",
    ]);
    expect(stepStatuses("open", [])[0]).toEqual({ step: "open", status: "done" });
    expect(stepStatuses("open", [])[1]).toEqual({ step: "bill_checked", status: "next" });
  });

  it("keeps a rejected case at the step it had reached with no next step, and a confirmed case all done", () => {
    const rejected = stepStatuses("rejected", [
      { to: "bill_checked", skipped: false },
      { to: "data_backed_up", skipped: true },
      { to: "payment_unlinked", skipped: true },
      { to: "request_submitted", skipped: false },
      { to: "rejected", skipped: false },
    ]);
    expect(rejected.map((s) => s.status)).toEqual([
      "done",
      "done",
      "skipped",
      "skipped",
      "done",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    const confirmed = stepStatuses(
      "confirmation_received",
      MAIN_PATH.slice(1).map((to) => ({ to, skipped: false })),
    );
    expect(confirmed.every((s) => s.status === "done")).toBe(true);
  });
});

describe("a rejection loop (issue 30, point 9)", () => {
  // Bill checked, data backed up and payment unlinked, each done; submitted;
  // rejected for an unpaid balance; back to bill checked to settle it.
  const history: PlannedEvent[] = [];
  let state: CaseState = "open";
  const go = (to: CaseState, extra: Partial<TransitionRequest> = {}) => {
    const result = planTransition(facts(state, { done: doneSteps(history) }), { to, ...extra });
    if (!result.ok) throw new Error(result.reason);
    history.push(...result.plan.events);
    state = to;
    return result.plan.events;
  };
  go("bill_checked");
  go("data_backed_up");
  go("payment_unlinked");
  go("request_submitted");
  go("rejected", { rejectionReason: "unpaid_balance" });
  go("bill_checked");

  it("offers the resubmission first once the bill is settled, not the steps already done", () => {
    const moves = allowedMoves(state, doneSteps(history)).filter((m) => m.kind === "advance");
    expect(moves[0]).toMatchObject({ to: "request_submitted", skips: [], again: true });
    expect(moves.slice(1).map((m) => [m.to, m.again])).toEqual([
      ["data_backed_up", true],
      ["payment_unlinked", true],
    ]);
  });

  it("shows the steps done before the rejection as done, and the resubmission as next", () => {
    expect(stepStatuses(state, history).map((s) => s.status)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "next",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("records no skipped event for a done step when the resubmission jumps over it", () => {
    const events = go("request_submitted");
    expect(events).toEqual([
      {
        from: "bill_checked",
        to: "request_submitted",
        occurredOn: "2026-12-12",
        skipped: false,
        comment: null,
        rejectionReason: null,
      },
    ]);
    go("confirmation_received", { confirmationNumber: "CX-9" });
    // Only the two steps never done (identity, review) were jumped.
    expect(history.filter((e) => e.skipped).map((e) => e.to)).toEqual([
      "identity_verified",
      "under_review",
    ]);
    expect(stepStatuses(state, history).map((s) => s.status)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "done",
      "skipped",
      "skipped",
      "done",
    ]);
  });

  it("keeps a done step done even in a history that recorded it skipped later (rows written before the fix)", () => {
    const written = [
      { to: "bill_checked" as const, skipped: false },
      { to: "data_backed_up" as const, skipped: false },
      { to: "payment_unlinked" as const, skipped: false },
      { to: "request_submitted" as const, skipped: false },
      { to: "rejected" as const, skipped: false },
      { to: "bill_checked" as const, skipped: false },
      { to: "data_backed_up" as const, skipped: true },
      { to: "payment_unlinked" as const, skipped: true },
      { to: "request_submitted" as const, skipped: false },
    ];
    expect(stepStatuses("request_submitted", written).map((s) => s.status)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "done",
      "next",
      "upcoming",
      "upcoming",
    ]);
  });

  it("tells the record which skips (rows written before the fix) jumped a step done already", () => {
    expect(
      skipsOfDoneSteps([
        { to: "bill_checked", skipped: false },
        { to: "data_backed_up", skipped: false },
        { to: "payment_unlinked", skipped: true },
        { to: "request_submitted", skipped: false },
        { to: "rejected", skipped: false },
        { to: "bill_checked", skipped: false },
        { to: "data_backed_up", skipped: true },
        { to: "payment_unlinked", skipped: true },
        { to: "request_submitted", skipped: false },
      ]),
    ).toEqual([false, false, false, false, false, false, true, false, false]);
  });
});

describe("the day a step happened (issue 30, point 10)", () => {
  const at = (occurredOn: string | null, extra: Partial<CaseFacts> = {}) =>
    planTransition(facts("bill_checked", extra), { to: "request_submitted", occurredOn });

  it("dates every event of a move, skipped steps too, with the day given", () => {
    const result = at("2026-12-09");
    expect(result.ok && result.plan.events.map((e) => [e.to, e.occurredOn])).toEqual([
      ["data_backed_up", "2026-12-09"],
      ["payment_unlinked", "2026-12-09"],
      ["request_submitted", "2026-12-09"],
    ]);
  });

  it("defaults to today in the user's zone", () => {
    const result = at(null);
    expect(result.ok && result.plan.events.at(-1)?.occurredOn).toBe("2026-12-12");
  });

  it("refuses a day after today, and one before the previous step's", () => {
    expect(at("2026-12-13")).toEqual({ ok: false, reason: "date_in_future" });
    expect(at("2026-11-30")).toEqual({ ok: false, reason: "date_out_of_order" });
    // The previous step's own day and today are both fine.
    expect(at("2026-12-01").ok).toBe(true);
    expect(at("2026-12-12").ok).toBe(true);
  });

  it("keeps the history in order when today (after a move west) is before the last step's day", () => {
    const result = at(null, { today: "2026-12-11", lastOccurredOn: "2026-12-12" });
    expect(result.ok && result.plan.events.at(-1)?.occurredOn).toBe("2026-12-12");
  });
});
