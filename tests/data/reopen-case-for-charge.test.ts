import { describe, expect, it } from "vitest";
import { getCase } from "@/lib/data/case-record";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import { listTransactions } from "@/lib/data/transactions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { importStatement } from "@/lib/services/import-statement";
import { reopenCaseForCharge } from "@/lib/services/reopen-case-for-charge";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// Reopening a confirmed case over a charge that came after it: the version
// is the one the user saw, so a case changed since is refused, not reopened.

/** A confirmed Visible case and a charge three days later, flagged by the statement import. */
async function confirmedAndCharged() {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const sub = await createSubscription(user, MOBILE_PLAN);
  const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  let version = kase.version;
  for (const to of ["bill_checked", "request_submitted", "confirmation_received"] as const) {
    ({ version } = await transitionCase(user, kase.id, {
      to,
      expectedVersion: version,
      ...(to === "confirmation_received" ? { confirmationNumber: "VZ-1" } : {}),
    }));
  }
  await importStatement(
    user,
    statementUpload(
      CHASE_HEADER + chaseLine(addDays(todayIn(user.timeZone), 3), "VISIBLE SERVICE", "-25.00"),
    ),
  );
  const flagged = await listTransactions(user, { limit: 10, flagged: true });
  expect(flagged.items).toHaveLength(1);
  return { user, caseId: kase.id, version, transactionId: flagged.items[0]!.id };
}

describe("reopening a case over a charge", () => {
  it("reopens with the version the user saw, the charge in the history in their language", async () => {
    const { user, caseId, version, transactionId } = await confirmedAndCharged();
    const moved = await reopenCaseForCharge(
      user,
      { caseId, transactionId, expectedVersion: version },
      "zh-CN",
    );
    expect(moved.state).toBe("under_review");
    const last = (await getCase(user, caseId)).events.at(-1)!;
    expect(last).toMatchObject({ from: "confirmation_received", to: "under_review" });
    expect(last.comment).toContain("取消后仍被扣费：VISIBLE SERVICE");
  });

  it("does not bring back the follow-up date set before the confirmation", async () => {
    const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
    const sub = await createSubscription(user, MOBILE_PLAN);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    let { version } = await updateCase(user, kase.id, {
      nextFollowUpOn: addDays(todayIn("UTC"), -10),
      expectedVersion: kase.version,
    });
    for (const to of ["bill_checked", "request_submitted", "confirmation_received"] as const) {
      ({ version } = await transitionCase(user, kase.id, {
        to,
        expectedVersion: version,
        ...(to === "confirmation_received" ? { confirmationNumber: "VZ-1" } : {}),
      }));
    }
    await importStatement(
      user,
      statementUpload(
        CHASE_HEADER + chaseLine(addDays(todayIn("UTC"), 3), "VISIBLE SERVICE", "-25.00"),
      ),
    );
    const [charge] = (await listTransactions(user, { limit: 10, flagged: true })).items;
    const moved = await reopenCaseForCharge(
      user,
      { caseId: kase.id, transactionId: charge!.id, expectedVersion: version },
      "en",
    );
    expect(moved).toMatchObject({ state: "under_review", nextFollowUpOn: null });
    expect((await getCase(user, kase.id)).nextFollowUpOn).toBeNull();
  });

  it("refuses a version that is no longer the case's, and leaves the case as it is", async () => {
    const { user, caseId, version, transactionId } = await confirmedAndCharged();
    await updateCase(user, caseId, { confirmationNumber: "VZ-2", expectedVersion: version });
    await expect(
      reopenCaseForCharge(user, { caseId, transactionId, expectedVersion: version }, "en"),
    ).rejects.toMatchObject({ code: "conflict", formMessage: { key: "errors.stale" } });
    expect(await getCase(user, caseId)).toMatchObject({
      state: "confirmation_received",
      version: version + 1,
    });
  });

  it("answers not found for a charge that is not this case's", async () => {
    const mine = await confirmedAndCharged();
    const theirs = await confirmedAndCharged();
    await expect(
      reopenCaseForCharge(
        mine.user,
        {
          caseId: mine.caseId,
          transactionId: theirs.transactionId,
          expectedVersion: mine.version,
        },
        "en",
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
