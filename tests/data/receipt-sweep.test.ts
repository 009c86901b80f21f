import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dataDir } from "@/lib/config";
import { receiptFile, receiptsDir } from "@/lib/config/paths.mjs";
import { SWEEP_GRACE_SECONDS, sweepGraceSeconds } from "@/lib/config/quotas.mjs";
import { openCase } from "@/lib/data/cases";
import { attachReceipt } from "@/lib/data/receipts";
import { createSubscription } from "@/lib/data/subscriptions";
import { sweepReceiptFiles } from "@/lib/data/system/receipt-files";
import { registerUser } from "@/lib/data/users";
import { receiptStorage } from "@/lib/storage";
import { readStorageKeysForTests } from "../support/db-inspect";

// Issue 32: two instances may share one DATA_DIR (or one bucket). The
// start-up sweep of one must not take what the other is still writing: a
// file committed a moment ago whose row is on its way, or an upload in
// progress. Only leftovers older than the grace go.

const HOUR_MS = 60 * 60 * 1000;

afterEach(() => {
  delete process.env.CANCELCASE_TEST_SWEEP_GRACE_SECONDS;
});

async function committedWithoutRow(): Promise<string> {
  const pending = await receiptStorage().createPending();
  await pending.write(randomBytes(1000));
  return pending.commit();
}

const onDisk = (key: string) => fs.existsSync(receiptFile(dataDir(), key));

function temporaryFiles(): string[] {
  const tmp = path.join(receiptsDir(dataDir()), "tmp");
  return fs.existsSync(tmp) ? fs.readdirSync(tmp).map((name) => path.join(tmp, name)) : [];
}

/** As if the file had last been written `ms` ago. */
function age(file: string, ms: number) {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
}

async function receiptWithRow() {
  const user = await registerUser({
    email: `sweep${randomBytes(6).toString("hex")}@example.com`,
    password: "swept only when stale",
  });
  const sub = await createSubscription(user, {
    provider: "Mint Mobile",
    category: "mobile",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
  });
  const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  const pending = await receiptStorage().createPending();
  await pending.write(Buffer.from("paid"));
  const file = {
    pending,
    fileName: "kept.txt",
    size: 4,
    sha256: "0".repeat(64),
    mimeType: "text/plain",
  };
  await attachReceipt(user, kase.id, file, { kind: "confirmation", noteId: null });
  const [key] = await readStorageKeysForTests(user.id);
  return key!;
}

describe("the start-up sweep on a DATA_DIR that instances share", () => {
  it("keeps a file committed a moment ago whose row is not written yet", async () => {
    const key = await committedWithoutRow();
    await sweepReceiptFiles();
    expect(onDisk(key)).toBe(true);
  });

  it("keeps another instance's upload in progress, which then commits whole", async () => {
    const pending = await receiptStorage().createPending();
    await pending.write(Buffer.from("first half, "));
    await sweepReceiptFiles();
    await pending.write(Buffer.from("second half"));
    const key = await pending.commit();
    expect(fs.readFileSync(receiptFile(dataDir(), key), "utf8")).toBe("first half, second half");
  });

  it("takes files without a row and abandoned uploads once they are older than an hour", async () => {
    const kept = await receiptWithRow();
    const orphan = await committedWithoutRow();
    const abandoned = await receiptStorage().createPending();
    await abandoned.write(Buffer.from("the instance died here"));
    const fresh = await committedWithoutRow();
    for (const key of [orphan, kept]) age(receiptFile(dataDir(), key), HOUR_MS + 60_000);
    for (const file of temporaryFiles()) age(file, HOUR_MS + 60_000);

    expect(await sweepReceiptFiles()).toEqual({ removed: 2 });
    expect(onDisk(orphan)).toBe(false);
    expect(temporaryFiles()).toEqual([]);
    expect(onDisk(kept)).toBe(true);
    expect(onDisk(fresh)).toBe(true);
  });

  it("takes every file without a row at once when a crash test sets the grace to 0", async () => {
    const orphan = await committedWithoutRow();
    process.env.CANCELCASE_TEST_SWEEP_GRACE_SECONDS = "0";
    // A moment later than the file's last write, as a restart always is.
    await sweepReceiptFiles(Date.now() + 1000);
    expect(onDisk(orphan)).toBe(false);
  });
});

describe("the sweep's grace", () => {
  it("is an hour unless a test sets CANCELCASE_TEST_SWEEP_GRACE_SECONDS", () => {
    expect(SWEEP_GRACE_SECONDS).toBe(3600);
    expect(sweepGraceSeconds({})).toBe(3600);
    expect(sweepGraceSeconds({ CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "0" })).toBe(0);
    expect(sweepGraceSeconds({ CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "5" })).toBe(5);
    expect(() => sweepGraceSeconds({ CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "-1" })).toThrow(
      /CANCELCASE_TEST_SWEEP_GRACE_SECONDS/,
    );
  });
});
