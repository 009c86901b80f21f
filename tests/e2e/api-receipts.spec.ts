import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  EML,
  HTML_AS_PDF,
  JPEG,
  PDF,
  PNG,
  SVG_AS_PNG,
  sha256,
  storedHashes,
  textOfSize,
} from "./files";
import { apiUser, MOBILE_PLAN } from "./helpers";

const LIMIT = 1024 * 1024; // UPLOAD_MAX_BYTES of the e2e server

async function newCase(request: APIRequestContext, auth: Record<string, string>) {
  const sub = await (
    await request.post("/api/v1/subscriptions", { headers: auth, data: MOBILE_PLAN })
  ).json();
  return (
    await request.post("/api/v1/cases", {
      headers: auth,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();
}

function upload(
  request: APIRequestContext,
  auth: Record<string, string>,
  caseId: string,
  name: string,
  buffer: Buffer,
  kind = "confirmation",
) {
  return request.post(`/api/v1/cases/${caseId}/receipts`, {
    headers: auth,
    multipart: { kind, file: { name, mimeType: "application/octet-stream", buffer } },
  });
}

test("PDF, PNG, JPEG and .eml are accepted with the type from their bytes, and download byte for byte", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  const cases = [
    ["confirmation.pdf", PDF, "application/pdf"],
    ["screen.png", PNG, "image/png"],
    ["photo.jpg", JPEG, "image/jpeg"],
    ["mail.eml", EML, "message/rfc822"],
  ] as const;
  for (const [name, bytes, mimeType] of cases) {
    const response = await upload(request, auth, kase.id, name, bytes);
    expect(response.status(), name).toBe(201);
    const receipt = await response.json();
    expect(receipt).toEqual({
      id: expect.any(String),
      caseId: kase.id,
      noteId: null,
      kind: "confirmation",
      fileName: name,
      mimeType,
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedAt: expect.any(String),
    });
    expect(
      await (await request.get(`/api/v1/receipts/${receipt.id}`, { headers: auth })).json(),
    ).toEqual(receipt);

    const download = await request.get(`/api/v1/receipts/${receipt.id}/download`, {
      headers: auth,
    });
    expect(download.status()).toBe(200);
    expect(sha256(await download.body())).toBe(sha256(bytes));
    const headers = download.headers();
    expect(headers["content-disposition"]).toMatch(/^attachment;/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("sandbox");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["content-type"]).toBe(mimeType);
  }
  const inline = await request.get(`/api/v1/cases/${kase.id}`, { headers: auth });
  const png = (await inline.json()).receipts.find(
    (r: { mimeType: string }) => r.mimeType === "image/png",
  );
  expect(
    (
      await request.get(`/api/v1/receipts/${png.id}/download?inline=1`, { headers: auth })
    ).headers()["content-disposition"],
  ).toMatch(/^inline;/);
  const pdf = (await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json())
    .receipts[0];
  expect(
    (
      await request.get(`/api/v1/receipts/${pdf.id}/download?inline=1`, { headers: auth })
    ).headers()["content-disposition"],
  ).toMatch(/^attachment;/);
});

test("HTML renamed .pdf, SVG renamed .png, an empty file and random bytes are 415; nothing is kept", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  for (const [name, bytes] of [
    ["invoice.pdf", HTML_AS_PDF],
    ["logo.png", SVG_AS_PNG],
    ["empty.txt", Buffer.alloc(0)],
    ["blob.bin", random],
  ] as const) {
    const response = await upload(request, auth, kase.id, name, bytes);
    expect(response.status(), name).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  }
  expect(
    (await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json()).receipts,
  ).toEqual([]);
  const stored = storedHashes();
  for (const bytes of [HTML_AS_PDF, SVG_AS_PNG, random])
    expect(stored).not.toContain(sha256(bytes));
});

test("one byte over the limit is 413 and leaves no file and no row; exactly the limit is fine", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  const over = textOfSize(LIMIT + 1);
  const refused = await upload(request, auth, kase.id, "big.txt", over);
  expect(refused.status()).toBe(413);
  expect((await refused.json()).error.code).toBe("payload_too_large");
  expect(
    (await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json()).receipts,
  ).toEqual([]);
  expect(storedHashes()).not.toContain(sha256(over));

  const exact = textOfSize(LIMIT);
  expect((await upload(request, auth, kase.id, "exact.txt", exact)).status()).toBe(201);
});

test("path-like and right-to-left-override names are stored as plain names, under DATA_DIR only", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  const one = await (await upload(request, auth, kase.id, "../../../../tmp/evil.pdf", PDF)).json();
  expect(one.fileName).toBe("evil.pdf");
  const two = await (await upload(request, auth, kase.id, "bill\u202Egnp.exe", PNG)).json();
  expect(two.fileName).toBe("billgnp.exe");
  expect(storedHashes()).toContain(sha256(PDF));
  const download = await request.get(`/api/v1/receipts/${one.id}/download`, { headers: auth });
  expect(download.headers()["content-disposition"]).toContain('filename="evil.pdf"');
});

test("the same file twice on one case is reported, not stored twice; the quota is enforced", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  expect((await upload(request, auth, kase.id, "a.pdf", PDF)).status()).toBe(201);
  const again = await upload(request, auth, kase.id, "copy.pdf", PDF);
  expect(again.status()).toBe(409);
  expect((await again.json()).error.fields).toEqual({
    file: [expect.stringContaining("already attached")],
  });

  // 3 MiB quota: three ~1 MB files fit, the fourth does not.
  for (let i = 0; i < 3; i++)
    expect(
      (await upload(request, auth, kase.id, `f${i}.txt`, textOfSize(1_000_000))).status(),
    ).toBe(201);
  const overQuota = await upload(request, auth, kase.id, "f4.txt", textOfSize(1_000_000));
  expect(overQuota.status()).toBe(413);
  expect((await overQuota.json()).error.fields.file[0]).toContain("quota");
});

test("parallel uploads: every accepted file is stored whole, the quota holds, and nothing stray is left", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const [first, second] = [await newCase(request, auth), await newCase(request, auth)];
  const before = new Set(storedHashes());
  // 12 uploads of 400,000 bytes at once across two cases against a 3 MiB
  // quota: exactly 7 fit (7 × 400,000 ≤ 3,145,728 < 8 × 400,000).
  const files = Array.from({ length: 12 }, () => textOfSize(400_000));
  const responses = await Promise.all(
    files.map((bytes, i) =>
      upload(request, auth, (i % 2 ? first : second).id, `part-${i}.txt`, bytes),
    ),
  );
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([...Array(7).fill(201), ...Array(5).fill(413)]);

  const accepted = await Promise.all(
    responses.filter((r) => r.status() === 201).map((r) => r.json()),
  );
  const listed = [
    ...(await (await request.get(`/api/v1/cases/${first.id}`, { headers: auth })).json()).receipts,
    ...(await (await request.get(`/api/v1/cases/${second.id}`, { headers: auth })).json()).receipts,
  ];
  expect(listed.map((r: { id: string }) => r.id).sort()).toEqual(accepted.map((r) => r.id).sort());
  for (const receipt of accepted) {
    const body = await (
      await request.get(`/api/v1/receipts/${receipt.id}/download`, { headers: auth })
    ).body();
    expect(sha256(body)).toBe(receipt.sha256);
    expect(files.map(sha256)).toContain(receipt.sha256);
  }
  // Files on disk: of this test's files exactly the accepted ones were added
  // (refused uploads left nothing). Other tests upload in parallel, so only
  // this test's own hashes are compared.
  const ours = new Set(files.map(sha256));
  const added = storedHashes().filter((h) => !before.has(h) && ours.has(h));
  expect(added.sort()).toEqual(accepted.map((r) => r.sha256).sort());
});

test("another user's receipt is 404 with no bytes, anonymous is 401, and delete removes the file", async ({
  request,
}) => {
  const a = await apiUser(request);
  const b = await apiUser(request);
  const kase = await newCase(request, a.auth);
  const unique = Buffer.concat([PDF, Buffer.from(`%${Date.now()}\n`)]);
  const receipt = await (await upload(request, a.auth, kase.id, "mine.pdf", unique)).json();

  for (const url of [`/api/v1/receipts/${receipt.id}`, `/api/v1/receipts/${receipt.id}/download`]) {
    const other = await request.get(url, { headers: b.auth });
    expect(other.status()).toBe(404);
    expect((await other.body()).includes(Buffer.from("%PDF"))).toBe(false);
    expect((await request.get(url)).status()).toBe(401);
  }
  expect((await upload(request, b.auth, kase.id, "x.pdf", PDF)).status()).toBe(404);
  expect((await upload(request, {}, kase.id, "x.pdf", PDF)).status()).toBe(401);
  expect(
    (await request.delete(`/api/v1/receipts/${receipt.id}`, { headers: b.auth })).status(),
  ).toBe(404);

  expect(storedHashes()).toContain(sha256(unique));
  expect(
    (await request.delete(`/api/v1/receipts/${receipt.id}`, { headers: a.auth })).status(),
  ).toBe(204);
  expect(storedHashes()).not.toContain(sha256(unique));
  expect((await request.get(`/api/v1/receipts/${receipt.id}`, { headers: a.auth })).status()).toBe(
    404,
  );
});

test("a receipt is evidence for confirmation, and the last one of a confirmed case cannot be deleted", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const kase = await newCase(request, auth);
  const move = (to: string, expectedVersion: number) =>
    request.post(`/api/v1/cases/${kase.id}/transitions`, {
      headers: auth,
      data: { to, expectedVersion },
    });
  await move("bill_checked", 1);
  await move("request_submitted", 2);
  expect((await move("confirmation_received", 3)).status()).toBe(422);
  const receipt = await (await upload(request, auth, kase.id, "confirmation.pdf", PDF)).json();
  const confirmed = await move("confirmation_received", 3);
  expect(confirmed.status()).toBe(200);
  expect((await confirmed.json()).confirmationNumber).toBeNull();

  const refused = await request.delete(`/api/v1/receipts/${receipt.id}`, { headers: auth });
  expect(refused.status()).toBe(422);
  expect((await request.get(`/api/v1/receipts/${receipt.id}`, { headers: auth })).status()).toBe(
    200,
  );
  const second = await (await upload(request, auth, kase.id, "shot.png", PNG, "screenshot")).json();
  expect(second.kind).toBe("screenshot");
  expect((await request.delete(`/api/v1/receipts/${receipt.id}`, { headers: auth })).status()).toBe(
    204,
  );
});
