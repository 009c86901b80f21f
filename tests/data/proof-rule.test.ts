import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCase } from "@/lib/data/case-record";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { attachReceipt, deleteReceipt } from "@/lib/data/receipts";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors/app-error";
import { receiptStorage } from "@/lib/storage";
import { MOBILE_PLAN } from "../support/fixtures";

// The proof rule (a confirmed case holds a confirmation number or a receipt)
// is asked by three writes: entering confirmation_received, editing the
// number, deleting a receipt. These tests drive the real data layer.

async function newUser() {
  const email = `p${Math.random().toString(36).slice(2)}@example.com`;
  return registerUser({ email, password: "proof stays with the case" });
}

async function newCase(user: { id: string }) {
  const sub = await createSubscription(user, MOBILE_PLAN);
  return (await openCase(user, { subscriptionId: sub.id, reason: "cost" })).id;
}

async function attach(user: { id: string }, caseId: string) {
  const bytes = randomBytes(16);
  const pending = await receiptStorage().createPending();
  try {
    await pending.write(bytes);
    const file = {
      pending,
      fileName: "confirmation.txt",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      mimeType: "text/plain",
    };
    return await attachReceipt(user, caseId, file, { kind: "confirmation", noteId: null });
  } finally {
    await pending.discard();
  }
}

async function confirmedWithReceipt(user: { id: string }) {
  const caseId = await newCase(user);
  await transitionCase(user, caseId, { to: "bill_checked", expectedVersion: 1 });
  await transitionCase(user, caseId, { to: "request_submitted", expectedVersion: 2 });
  const receipt = await attach(user, caseId);
  await transitionCase(user, caseId, { to: "confirmation_received", expectedVersion: 3 });
  return { caseId, receipt };
}

/** The rule spelled out on its own, not through hasProof: the test's independent reading. */
async function expectProofIfConfirmed(user: { id: string }, caseId: string) {
  const kase = await getCase(user, caseId);
  if (kase.state !== "confirmation_received") return;
  const number = kase.confirmationNumber?.trim() ?? "";
  expect(number !== "" || kase.receipts.length > 0).toBe(true);
}

describe("a blank confirmation number is no proof, in all three writes", () => {
  it("refuses to delete the last receipt of a confirmed case whose number is blank", async () => {
    const user = await newUser();
    const { caseId, receipt } = await confirmedWithReceipt(user);
    // Allowed: the receipt is still there as proof.
    await updateCase(user, caseId, { confirmationNumber: "   ", expectedVersion: 4 });

    await expect(deleteReceipt(user, receipt.id)).rejects.toMatchObject({
      code: "unprocessable",
      fields: { id: ["last_evidence"] },
    });
    expect((await getCase(user, caseId)).receipts).toHaveLength(1);
  });

  it("refuses to replace the only proof, a number, with a blank one", async () => {
    const user = await newUser();
    const { caseId, receipt } = await confirmedWithReceipt(user);
    await updateCase(user, caseId, { confirmationNumber: "MM-55821", expectedVersion: 4 });
    await deleteReceipt(user, receipt.id);

    for (const blank of ["", "   "]) {
      await expect(
        updateCase(user, caseId, { confirmationNumber: blank, expectedVersion: 5 }),
      ).rejects.toMatchObject({
        code: "unprocessable",
        fields: { confirmationNumber: ["last_evidence"] },
      });
    }
    expect((await getCase(user, caseId)).confirmationNumber).toBe("MM-55821");
  });

  it("still edits the other fields of a confirmed case", async () => {
    const user = await newUser();
    const { caseId } = await confirmedWithReceipt(user);
    const edited = await updateCase(user, caseId, {
      nextFollowUpOn: "2026-12-24",
      expectedVersion: 4,
    });
    expect(edited).toMatchObject({ nextFollowUpOn: "2026-12-24", version: 5 });
  });
});

const NUMBERS = [null, "", "   ", "MM-55821"] as const;

const step = fc.oneof(
  // Moves weigh most: a case has to get to confirmed for the rest to matter.
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      pick: fc.nat({ max: 3 }),
      number: fc.constantFrom(...NUMBERS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("attach" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat({ max: 3 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      number: fc.constantFrom(...NUMBERS),
    }),
  },
);

describe("the proof rule, property-tested against the data layer", () => {
  it("leaves no sequence of moves, edits and deletes with a confirmed case without proof", async () => {
    const user = await newUser();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 20 }), async (steps) => {
        const caseId = await newCase(user);
        for (const s of steps) {
          const kase = await getCase(user, caseId);
          const write = async () => {
            if (s.kind === "attach") {
              await attach(user, caseId);
            } else if (s.kind === "delete") {
              const receipt = kase.receipts[s.pick % Math.max(kase.receipts.length, 1)];
              if (receipt) await deleteReceipt(user, receipt.id);
            } else if (s.kind === "edit") {
              await updateCase(user, caseId, {
                confirmationNumber: s.number,
                expectedVersion: kase.version,
              });
            } else {
              const move = kase.allowedMoves[s.pick % Math.max(kase.allowedMoves.length, 1)];
              if (!move) return;
              await transitionCase(user, caseId, {
                to: move.to,
                expectedVersion: kase.version,
                confirmationNumber: s.number,
                rejectionReason: move.kind === "reject" ? "other" : null,
                comment: move.kind === "reopen" ? "charged again" : null,
              });
            }
          };
          // A write the rule refuses is a 422 and changes nothing; any other error fails the test.
          await write().catch((error: unknown) => {
            expect(error).toBeInstanceOf(AppError);
            expect(error).toMatchObject({ code: "unprocessable" });
          });
          await expectProofIfConfirmed(user, caseId);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
