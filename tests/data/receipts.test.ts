import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { dataDir } from "@/lib/config";
import { receiptFile } from "@/lib/config/paths.mjs";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { attachReceipt, deleteReceipt } from "@/lib/data/receipts";
import { listCaseChanges } from "@/lib/data/case-changes";
import { addNote, deleteNote } from "@/lib/data/notes";
import { createSubscription, deleteSubscription } from "@/lib/data/subscriptions";
import { deleteAccount, registerUser } from "@/lib/data/users";
import { receiptStorage, type ReceivedFile } from "@/lib/storage";
import { readStorageKeysForTests } from "../support/db-inspect";

const PASSWORD = "receipts are proof";

async function newUser() {
  const email = `r${Math.random().toString(36).slice(2)}@example.com`;
  return { ...(await registerUser({ email, password: PASSWORD })), email };
}

async function caseOf(user: { id: string }, provider = "Mint Mobile") {
  const sub = await createSubscription(user, {
    provider,
    category: "mobile",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
  });
  return { sub, kase: await openCase(user, { subscriptionId: sub.id, reason: "cost" }) };
}

/** A received file as lib/services/receive-receipt hands it over: on disk, hashed, sniffed. */
async function received(size: number): Promise<ReceivedFile> {
  const bytes = randomBytes(size);
  const pending = await receiptStorage().createPending();
  await pending.write(bytes);
  return {
    pending,
    fileName: "confirmation.txt",
    size,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    mimeType: "text/plain",
  };
}

async function attach(user: { id: string }, caseId: string, size = 10) {
  const file = await received(size);
  try {
    return await attachReceipt(user, caseId, file, { kind: "confirmation", noteId: null });
  } finally {
    await file.pending.discard();
  }
}

const onDisk = (key: string) => fs.existsSync(receiptFile(dataDir(), key));

afterEach(() => {
  delete process.env.USER_QUOTA_BYTES;
});

describe("receipts on a real SQLite file and disk", () => {
  it("deleting a subscription removes its receipts' files before the response, and frees the quota", async () => {
    process.env.USER_QUOTA_BYTES = "100";
    const user = await newUser();
    const first = await caseOf(user, "Mint Mobile");
    const second = await caseOf(user, "Visible");
    await attach(user, first.kase.id, 60);
    const keys = await readStorageKeysForTests(user.id);
    expect(keys).toHaveLength(1);
    expect(onDisk(keys[0]!)).toBe(true);

    await expect(attach(user, second.kase.id, 60)).rejects.toMatchObject({
      code: "payload_too_large",
      fields: { file: ["quota_exceeded"] },
    });

    expect(await deleteSubscription(user, first.sub.id)).toEqual({ deletedCases: 1 });
    expect(onDisk(keys[0]!)).toBe(false);
    expect(await readStorageKeysForTests(user.id)).toEqual([]);

    // The quota counts only what is stored: the 60 bytes that went are free again.
    await attach(user, second.kase.id, 60);
    expect(await readStorageKeysForTests(user.id)).toHaveLength(1);
  });

  it("deleting an account removes every one of its files and nobody else's", async () => {
    const user = await newUser();
    const other = await newUser();
    const mine = await caseOf(user);
    const theirs = await caseOf(other);
    for (let i = 0; i < 3; i++) await attach(user, mine.kase.id, 20 + i);
    await attach(other, theirs.kase.id);
    const keys = await readStorageKeysForTests(user.id);
    const otherKeys = await readStorageKeysForTests(other.id);
    expect(keys.every(onDisk)).toBe(true);

    await deleteAccount(user, { password: PASSWORD, confirmEmail: user.email });
    expect(keys.filter(onDisk)).toEqual([]);
    expect(otherKeys.every(onDisk)).toBe(true);
  });

  it("a refused delete removes nothing", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const { sub, kase } = await caseOf(user);
    await attach(user, kase.id);
    const keys = await readStorageKeysForTests(user.id);
    await expect(deleteSubscription(stranger, sub.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deleteAccount(user, { password: "not the password", confirmEmail: user.email }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(keys.every(onDisk)).toBe(true);
  });
});

/** A case with its request submitted (version 3), ready to be confirmed. */
async function submittedCase(user: { id: string }) {
  const { kase } = await caseOf(user);
  await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: 1 });
  await transitionCase(user, kase.id, { to: "request_submitted", expectedVersion: 2 });
  return kase.id;
}

describe("the evidence rule: a confirmed case without a number keeps a receipt", () => {
  it("holds when the last receipt is deleted while the case is being confirmed", async () => {
    const user = await newUser();
    let confirmed = 0;
    let deleted = 0;
    for (let round = 0; round < 12; round++) {
      const caseId = await submittedCase(user);
      const receipt = await attach(user, caseId);
      // Both orders of arrival, started together.
      const moves = [
        () => transitionCase(user, caseId, { to: "confirmation_received", expectedVersion: 3 }),
        () => deleteReceipt(user, receipt.id),
      ];
      if (round % 2) moves.reverse();
      const outcomes = await Promise.allSettled(moves.map((move) => move()));
      // Exactly one wins, and the refused one was refused for the proof rule.
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected")
          expect(outcome.reason).toMatchObject({ code: "unprocessable" });
      }
      const after = await getCase(user, caseId);
      if (after.state === "confirmation_received") {
        confirmed++;
        expect(after.receipts).toHaveLength(1);
      } else {
        deleted++;
        expect(after.state).toBe("request_submitted");
        expect(after.receipts).toHaveLength(0);
      }
    }
    expect(confirmed + deleted).toBe(12);
  });

  it("refuses to delete the last receipt, and to clear the number when no receipt is left", async () => {
    const user = await newUser();
    const caseId = await submittedCase(user);
    const first = await attach(user, caseId);
    const second = await attach(user, caseId);
    await transitionCase(user, caseId, { to: "confirmation_received", expectedVersion: 3 });

    await deleteReceipt(user, first.id);
    await expect(deleteReceipt(user, second.id)).rejects.toMatchObject({
      code: "unprocessable",
      fields: { id: ["last_evidence"] },
    });
    expect((await getCase(user, caseId)).receipts.map((r) => r.id)).toEqual([second.id]);

    // With a confirmation number the receipt may go; then the number must stay.
    await updateCase(user, caseId, { confirmationNumber: "MM-55821", expectedVersion: 4 });
    await deleteReceipt(user, second.id);
    await expect(
      updateCase(user, caseId, { confirmationNumber: null, expectedVersion: 5 }),
    ).rejects.toMatchObject({ fields: { confirmationNumber: ["last_evidence"] } });
    const after = await getCase(user, caseId);
    expect(after.confirmationNumber).toBe("MM-55821");
    expect(after.version).toBe(5);
  });

  it("counts the quota before storing: a file over it is refused and nothing is kept", async () => {
    process.env.USER_QUOTA_BYTES = "100";
    const user = await newUser();
    const caseId = await submittedCase(user);
    await attach(user, caseId, 70);
    await expect(attach(user, caseId, 31)).rejects.toMatchObject({
      code: "payload_too_large",
      fields: { file: ["quota_exceeded"] },
    });
    expect(await readStorageKeysForTests(user.id)).toHaveLength(1);
    await attach(user, caseId, 30); // exactly up to the quota
    expect(await readStorageKeysForTests(user.id)).toHaveLength(2);
  });
});

describe("a delete leaves a line in the case's record", () => {
  afterEach(() => {
    delete process.env.CASE_CHANGES_PER_CASE_MAX;
  });

  it("says which note and which receipt went, and when", async () => {
    const user = await newUser();
    const { kase } = await caseOf(user);
    const note = await addNote(
      user,
      kase.id,
      {
        channel: "phone",
        occurredAt: new Date("2026-11-20T18:30:42.000Z"),
        summary: "Agent Kevin promised the line would close today.",
        agent: "Kevin",
        reference: "T-1",
      },
      "2026-11-20",
    );
    const receipt = await attach(user, kase.id, 753);
    await deleteNote(user, note.id);
    await deleteReceipt(user, receipt.id);

    const changes = await listCaseChanges(user, kase.id);
    expect(changes.map((c) => c.kind)).toEqual(["note_deleted", "receipt_deleted"]);
    expect(changes[0]).toMatchObject({
      note: {
        channel: "phone",
        occurredAt: "2026-11-20T18:30:42.000Z",
        agent: "Kevin",
        reference: "T-1",
        summary: "Agent Kevin promised the line would close today.",
      },
    });
    expect(changes[1]).toMatchObject({
      receipt: {
        fileName: "confirmation.txt",
        size: 753,
        sha256: receipt.sha256,
        kind: "confirmation",
      },
    });
    // Someone else sees neither the case nor its changes.
    const stranger = await newUser();
    expect(await listCaseChanges(stranger, kase.id)).toEqual([]);
    await expect(getCase(stranger, kase.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a delete, and keeps the note, once the record's list of changes is full", async () => {
    process.env.CASE_CHANGES_PER_CASE_MAX = "1";
    const user = await newUser();
    const { kase } = await caseOf(user);
    const input = {
      channel: "chat" as const,
      occurredAt: new Date("2026-11-20T18:30:00.000Z"),
      summary: "x",
    };
    const first = await addNote(user, kase.id, input, "2026-11-20");
    const second = await addNote(user, kase.id, input, "2026-11-20");
    await deleteNote(user, first.id);
    await expect(deleteNote(user, second.id)).rejects.toMatchObject({ code: "limit_reached" });
    expect((await getCase(user, kase.id)).notes.map((n) => n.id)).toEqual([second.id]);
    expect(await listCaseChanges(user, kase.id)).toHaveLength(1);
  });
});
