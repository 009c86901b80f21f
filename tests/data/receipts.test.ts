import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { dataDir } from "@/lib/config";
import { receiptFile } from "@/lib/config/paths.mjs";
import { openCase } from "@/lib/data/cases";
import { attachReceipt } from "@/lib/data/receipts";
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

/** A received file as lib/http/receipt-upload hands it over: on disk, hashed, sniffed. */
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
