import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { CHASE_STATEMENT, EML, PDF, PNG, sha256, unzip } from "./files";
import { apiUser, logIn, MOBILE_PLAN, ready } from "./helpers";

// Settings → "Download my data": one ZIP with the JSON of everything the
// user keeps and every receipt file, byte for byte; nothing of anyone else.

test("the export holds every subscription, case, event, note, receipt and statement of the user, and only theirs", async ({
  request,
}) => {
  const a = await apiUser(request);
  const b = await apiUser(request);
  const post = async (url: string, data: unknown) =>
    (await request.post(url, { headers: a.auth, data })).json();

  const subs = [
    await post("/api/v1/subscriptions", MOBILE_PLAN),
    await post("/api/v1/subscriptions", {
      ...MOBILE_PLAN,
      provider: "Netflix",
      category: "streaming",
    }),
  ];
  let kase = await post("/api/v1/cases", {
    subscriptionId: subs[0].id,
    reason: "cost",
    method: "phone",
  });
  for (const to of ["bill_checked", "request_submitted"]) {
    kase = await post(`/api/v1/cases/${kase.id}/transitions`, {
      to,
      expectedVersion: kase.version,
    });
  }
  const note = await post(`/api/v1/cases/${kase.id}/notes`, {
    channel: "phone",
    occurredAt: "2026-11-20T10:00:00Z",
    summary: "Agent 王 said 解约 is done — ref <b>7731</b>",
    reference: "7731",
  });
  const uploads: [string, Buffer][] = [
    ["confirmation.pdf", PDF],
    ["截图 screen.png", PNG],
    ["mail.eml", EML],
  ];
  for (const [name, buffer] of uploads) {
    const response = await request.post(`/api/v1/cases/${kase.id}/receipts`, {
      headers: a.auth,
      multipart: {
        kind: "confirmation",
        noteId: note.id,
        file: { name, mimeType: "application/octet-stream", buffer },
      },
    });
    expect(response.status()).toBe(201);
  }
  const correction = await post("/api/v1/playbooks/example-mobile/corrections", {
    factPath: "refunds",
    note: "退款规则已改 — now prorated",
  });
  const statement = await request.post("/api/v1/imports", {
    headers: a.auth,
    multipart: { account: "A's debit card", accountKind: "debit_card", file: CHASE_STATEMENT },
  });
  expect(statement.status()).toBe(201);
  // B's own data, which must not show up in A's export.
  await request.post("/api/v1/imports", {
    headers: b.auth,
    multipart: { account: "B's card", file: CHASE_STATEMENT },
  });
  await request.post("/api/v1/subscriptions", {
    headers: b.auth,
    data: { ...MOBILE_PLAN, provider: "B's gym" },
  });
  await request.post("/api/v1/playbooks/example-mobile/corrections", {
    headers: b.auth,
    data: { factPath: "fees", note: "B's correction" },
  });

  const response = await request.get("/api/v1/export", { headers: a.auth });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="cancelcase-export-\d{4}-\d{2}-\d{2}\.zip"$/,
  );
  expect(response.headers()["cache-control"]).toContain("no-store");

  const entries = await unzip(await response.body());
  const data = JSON.parse(entries.get("cancelcase-export.json")!.toString("utf8"));
  expect(entries.has("README.txt")).toBe(true);
  expect(data.account.email).toBe(a.email);

  const listed = async (url: string) =>
    (await (await request.get(url, { headers: a.auth })).json()).items;
  expect(data.subscriptions).toEqual(
    expect.arrayContaining(
      (await listed("/api/v1/subscriptions?limit=100")).map((s: Record<string, unknown>) =>
        expect.objectContaining(s),
      ),
    ),
  );
  expect(data.subscriptions).toHaveLength(2);
  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: a.auth })).json();
  expect(data.cases).toHaveLength(1);
  expect(data.cases[0].events).toEqual(detail.events);
  expect(data.cases[0]).toMatchObject({
    id: kase.id,
    state: "request_submitted",
    version: kase.version,
  });
  expect(data.notes).toEqual(detail.notes);
  expect(data.playbookCorrections).toEqual([correction]);
  // The statements' side, as the API lists it (a line without its per-request flag and deadlines).
  expect(data.statementAccounts).toEqual(await listed("/api/v1/accounts?limit=100"));
  expect(data.statementAccounts[0]).toMatchObject({
    label: "A's debit card",
    accountKind: "debit_card",
  });
  expect(data.statementImports).toEqual(await listed("/api/v1/imports?limit=100"));
  const lines = await listed("/api/v1/transactions?limit=100");
  expect(lines).toHaveLength(1);
  expect(data.transactions).toEqual([
    Object.fromEntries(
      Object.entries(lines[0]).filter(
        ([key]) => !["kind", "flagged", "caseId", "disputeDeadlines", "disputeBy"].includes(key),
      ),
    ),
  ]);
  expect(data.disputes).toEqual([]);
  expect(data.receipts).toHaveLength(3);
  for (const receipt of data.receipts) {
    const bytes = entries.get(receipt.file);
    expect(bytes, receipt.file).toBeDefined();
    expect(sha256(bytes!)).toBe(receipt.sha256);
    expect(receipt.file).toBe(`receipts/${kase.id}/${receipt.id}-${receipt.fileName}`);
  }
  expect(new Set(data.receipts.map((r: { sha256: string }) => r.sha256))).toEqual(
    new Set(uploads.map(([, buffer]) => sha256(buffer))),
  );
  expect([...entries.keys()].sort()).toEqual(
    [
      "README.txt",
      "cancelcase-export.json",
      ...data.receipts.map((r: { file: string }) => r.file),
    ].sort(),
  );
  expect(JSON.stringify(data)).not.toContain("B's gym");
  expect(JSON.stringify(data)).not.toContain("B's card");
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|storageKey|tokenHash/);

  const theirs = JSON.parse(
    (await unzip(await (await request.get("/api/v1/export", { headers: b.auth })).body()))
      .get("cancelcase-export.json")!
      .toString("utf8"),
  );
  expect(theirs.subscriptions.map((s: { provider: string }) => s.provider)).toEqual(["B's gym"]);
  expect(theirs.cases).toEqual([]);
  expect((await request.get("/api/v1/export")).status()).toBe(401);
});

test("Settings offers 'Download my data', and the download is the user's ZIP", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  await request.post("/api/v1/subscriptions", { headers: user.auth, data: MOBILE_PLAN });
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  await ready(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cancelcase-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = await unzip(fs.readFileSync((await download.path())!));
  const data = JSON.parse(entries.get("cancelcase-export.json")!.toString("utf8"));
  expect(data.account.email).toBe(user.email);
  expect(data.subscriptions.map((s: { provider: string }) => s.provider)).toEqual(["Mint Mobile"]);
});
