import { expect, request as playwrightRequest, test } from "@playwright/test";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SHARED_SECRETS } from "../support/scaled-engines";
import { startS3Server } from "../support/s3-server";
import { sha256 } from "./files";
import { PASSWORD, uniqueEmail } from "./helpers";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// The running app with STORAGE_URL naming a bucket on a real S3-compatible
// server (s3rver, started here): a receipt goes up through the API, comes
// down byte for byte with the same headers as from the disk, and its
// delete takes the object; nothing lands in DATA_DIR/receipts.

let s3: Awaited<ReturnType<typeof startS3Server>>;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  s3 = await startS3Server();
  // The credentials reach the server as the standard AWS variables (set by startS3Server).
  server = await startOwnServer("s3-storage", {
    STORAGE_URL: s3.storageUrl("e2e"),
    ...SHARED_SECRETS,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await s3?.stop();
});

test("a receipt in the bucket uploads, downloads byte for byte and is deleted with its row", async () => {
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const bucket = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true });
  const objects = async () =>
    (
      await bucket.send(new ListObjectsV2Command({ Bucket: "receipts", Prefix: "e2e/" }))
    ).Contents?.map((object) => object.Key) ?? [];
  try {
    expect((await api.get("/api/health")).status()).toBe(200);
    const email = uniqueEmail("s3");
    await api.post("/api/v1/auth/register", { data: { email, password: PASSWORD } });
    const { token } = await (
      await api.post("/api/v1/auth/token", { data: { email, password: PASSWORD } })
    ).json();
    const auth = { Authorization: `Bearer ${token}` };
    const sub = await (
      await api.post("/api/v1/subscriptions", {
        headers: auth,
        data: {
          provider: "Mint Mobile",
          category: "mobile",
          amount: 3000,
          currency: "USD",
          billingCycle: "monthly",
        },
      })
    ).json();
    const kase = await (
      await api.post("/api/v1/cases", {
        headers: auth,
        data: { subscriptionId: sub.id, reason: "cost" },
      })
    ).json();

    // 6 MiB: more than one part, so a multipart upload on the server side.
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(6 * 1024 * 1024)]);
    const uploaded = await api.post(`/api/v1/cases/${kase.id}/receipts`, {
      headers: auth,
      multipart: {
        kind: "confirmation",
        file: { name: "bill.pdf", mimeType: "application/octet-stream", buffer: bytes },
      },
    });
    expect(uploaded.status()).toBe(201);
    const receipt = await uploaded.json();
    expect(receipt.mimeType).toBe("application/pdf");
    expect(await objects()).toHaveLength(1);

    const download = await api.get(`/api/v1/receipts/${receipt.id}/download`, { headers: auth });
    expect(download.status()).toBe(200);
    expect(sha256(await download.body())).toBe(sha256(bytes));
    const headers = download.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-disposition"]).toMatch(/^attachment;/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("no-store");

    // Another user gets a 404, not the bytes.
    const other = uniqueEmail("s3-other");
    await api.post("/api/v1/auth/register", { data: { email: other, password: PASSWORD } });
    const { token: otherToken } = await (
      await api.post("/api/v1/auth/token", { data: { email: other, password: PASSWORD } })
    ).json();
    expect(
      (
        await api.get(`/api/v1/receipts/${receipt.id}/download`, {
          headers: { Authorization: `Bearer ${otherToken}` },
        })
      ).status(),
    ).toBe(404);

    expect((await api.delete(`/api/v1/receipts/${receipt.id}`, { headers: auth })).status()).toBe(
      204,
    );
    expect(await objects()).toEqual([]);

    const local = path.join(server.dataDir, "receipts");
    const files = fs.existsSync(local) ? fs.readdirSync(local, { recursive: true }) : [];
    expect(files.filter((f) => !String(f).startsWith("tmp"))).toEqual([]);
  } finally {
    bucket.destroy();
    await api.dispose();
  }
});
