import { createHash, randomBytes } from "node:crypto";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "@/lib/data/cases";
import { deleteReceipt, openReceipt } from "@/lib/data/receipts";
import { createSubscription } from "@/lib/data/subscriptions";
import { sweepReceiptFiles } from "@/lib/data/system/receipt-files";
import { registerUser } from "@/lib/data/users";
import { isHealthy } from "@/lib/data/health";
import { uploadFrom } from "@/lib/http/multipart";
import { receiveReceipt } from "@/lib/services/receive-receipt";
import { s3Storage } from "@/lib/storage/s3";
import { startS3Server } from "../support/s3-server";

// The receipt path end to end (multipart in, sniffed, committed with its
// row, downloaded, deleted) with STORAGE_URL naming a bucket on a real
// S3-compatible server: no byte of it touches DATA_DIR/receipts.

let s3: Awaited<ReturnType<typeof startS3Server>>;
let raw: S3Client;

beforeAll(async () => {
  s3 = await startS3Server();
  process.env.STORAGE_URL = s3.storageUrl("cc");
  raw = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true });
});

afterAll(async () => {
  delete process.env.STORAGE_URL;
  raw?.destroy();
  await s3?.stop();
});

async function objectKeys(): Promise<string[]> {
  const page = await raw.send(new ListObjectsV2Command({ Bucket: "receipts", Prefix: "cc/" }));
  return (page.Contents ?? []).map((object) => object.Key!.slice("cc/".length));
}

function upload(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("kind", "confirmation");
  form.append("file", new File([new Uint8Array(bytes)], name));
  return uploadFrom(
    new Request("http://localhost/api/v1/cases/x/receipts", { method: "POST", body: form }),
  );
}

async function newCase() {
  const user = await registerUser({
    email: `b${Math.random().toString(36).slice(2)}@example.com`,
    password: "receipts in a bucket",
  });
  const sub = await createSubscription(user, {
    provider: "Mint Mobile",
    category: "mobile",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
  });
  return { user, kase: await openCase(user, { subscriptionId: sub.id, reason: "cost" }) };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("receipts in an S3-compatible bucket (STORAGE_URL)", () => {
  it("uploads, sniffs, downloads byte-identical, and deletes row then object", async () => {
    const { user, kase } = await newCase();
    // A PDF of 6 MiB: sniffed from its first bytes, stored as a multipart upload.
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(6 * 1024 * 1024)]);
    const receipt = await receiveReceipt(user, kase.id, upload("bill.pdf", pdf));
    expect(receipt).toMatchObject({ mimeType: "application/pdf", size: pdf.length });
    expect(receipt.sha256).toBe(sha256(pdf));
    expect(await objectKeys()).toHaveLength(1);

    const { stream } = await openReceipt(user, receipt.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(receipt.sha256);

    await deleteReceipt(user, receipt.id);
    expect(await objectKeys()).toEqual([]);
  });

  it("refuses a file of no accepted type and leaves no object behind", async () => {
    const { user, kase } = await newCase();
    const before = await objectKeys();
    await expect(
      receiveReceipt(user, kase.id, upload("x.bin", randomBytes(70_000))),
    ).rejects.toMatchObject({ code: "unsupported_media_type" });
    expect(await objectKeys()).toEqual(before);
  });

  it("answers 410 gone for a receipt whose object was removed by hand", async () => {
    const { user, kase } = await newCase();
    const before = new Set(await objectKeys());
    const receipt = await receiveReceipt(user, kase.id, upload("note.txt", Buffer.from("paid")));
    const [key] = (await objectKeys()).filter((k) => !before.has(k));
    await s3Storage(s3.location("cc")).remove(key!);
    await expect(openReceipt(user, receipt.id)).rejects.toMatchObject({ code: "gone" });
  });

  it("keeps a fresh object without a row at the start-up sweep", async () => {
    const pending = await s3Storage(s3.location("cc")).createPending();
    await pending.write(Buffer.from("an instance died before its row"));
    const orphan = await pending.commit();
    await sweepReceiptFiles();
    expect(await objectKeys()).toContain(orphan);
  });

  it("is healthy while the bucket answers, and not once it is gone", async () => {
    expect(await isHealthy()).toBe(true);
    process.env.STORAGE_URL = s3.storageUrl("cc").replace("s3://receipts/", "s3://gone/");
    try {
      expect(await isHealthy()).toBe(false);
    } finally {
      process.env.STORAGE_URL = s3.storageUrl("cc");
    }
  });
});
