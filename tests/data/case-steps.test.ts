import { describe, expect, it } from "vitest";
import { caseStepHistory } from "@/lib/data/case-record";
import { openCase, transitionCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import type { CaseState } from "@/lib/domain/case-workflow";
import { MOBILE_PLAN, newUser } from "../support/fixtures";

describe("what the stepper reads of a case's history", () => {
  it("is the latest event into each state, in time order, with its skips", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, MOBILE_PLAN);
    let kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    const move = async (to: CaseState, extra: { rejectionReason?: "retention" } = {}) => {
      kase = await transitionCase(user, kase.id, { to, expectedVersion: kase.version, ...extra });
    };
    await move("bill_checked");
    await move("request_submitted"); // skips data_backed_up and payment_unlinked
    await move("rejected", { rejectionReason: "retention" });
    await move("bill_checked");
    await move("request_submitted");
    await move("under_review"); // skips identity_verified

    expect(await caseStepHistory(user, kase.id)).toEqual([
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
    expect(await caseStepHistory(await newUser(), kase.id)).toEqual([]);
  });
});
