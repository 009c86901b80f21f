import { describe, expect, it } from "vitest";
import { caseStepHistory, getCase, listCaseEvents } from "@/lib/data/case-record";
import { openCase, transitionCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import type { CaseState } from "@/lib/domain/case-workflow";
import { MOBILE_PLAN, newUser } from "../support/fixtures";

async function startCase() {
  const user = await newUser();
  const sub = await createSubscription(user, MOBILE_PLAN);
  let kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  const move = async (
    to: CaseState,
    extra: { rejectionReason?: "retention" | "unpaid_balance"; confirmationNumber?: string } = {},
  ) => {
    kase = await transitionCase(user, kase.id, { to, expectedVersion: kase.version, ...extra });
  };
  return { user, id: () => kase.id, move };
}

describe("what the stepper reads of a case's history", () => {
  it("is one row per state, in the order each was last entered, skipped only if never done", async () => {
    const { user, id, move } = await startCase();
    await move("bill_checked");
    await move("request_submitted"); // skips data_backed_up and payment_unlinked
    await move("rejected", { rejectionReason: "retention" });
    await move("bill_checked");
    await move("request_submitted");
    await move("under_review"); // skips identity_verified

    expect(await caseStepHistory(user, id())).toEqual([
      { to: "open", skipped: false },
      { to: "rejected", skipped: false },
      // The second submission skipped the same two steps again: those are the latest.
      { to: "bill_checked", skipped: false },
      { to: "data_backed_up", skipped: true },
      { to: "payment_unlinked", skipped: true },
      { to: "request_submitted", skipped: false },
      { to: "identity_verified", skipped: true },
      { to: "under_review", skipped: false },
    ]);
    // Another user reads nothing of it.
    expect(await caseStepHistory(await newUser(), id())).toEqual([]);
  });
});

describe("reject, settle, resubmit (issue 30, point 9)", () => {
  it("keeps the steps done before a rejection done, and writes no skipped event for them", async () => {
    const { user, id, move } = await startCase();
    await move("bill_checked");
    await move("data_backed_up");
    await move("payment_unlinked");
    await move("request_submitted");
    await move("rejected", { rejectionReason: "unpaid_balance" });
    await move("bill_checked");

    // Back at the bill: the first move offered is the resubmission.
    const atBill = await getCase(user, id());
    expect(atBill.allowedMoves[0]).toMatchObject({ to: "request_submitted", skips: [] });

    await move("request_submitted");
    await move("confirmation_received", { confirmationNumber: "CX-42" });

    const { items } = await listCaseEvents(user, id(), { limit: 100 });
    // Only the steps never done were jumped.
    expect(items.filter((e) => e.skipped).map((e) => e.to)).toEqual([
      "under_review",
      "identity_verified",
    ]);
    const steps = await caseStepHistory(user, id());
    expect(steps.find((s) => s.to === "data_backed_up")).toEqual({
      to: "data_backed_up",
      skipped: false,
    });
    expect(steps.find((s) => s.to === "payment_unlinked")).toEqual({
      to: "payment_unlinked",
      skipped: false,
    });
  });
});
