import { expect, test } from "@playwright/test";
import { PDF } from "./files";
import { apiCase, apiUser, MOBILE_PLAN } from "./helpers";

const CALL = {
  channel: "phone",
  occurredAt: "2026-11-20T17:05:00.000Z",
  agent: "Dana R.",
  reference: "TCK-88231",
  durationMinutes: 42,
  summary: "Asked to cancel; declined the retention offer.",
  outcome: "Cancellation filed",
  followUpOn: "2099-01-15",
};

test("notes: add, read with the case, edit, search, delete — and the case's follow-up and version", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const sub = await (
    await request.post("/api/v1/subscriptions", { headers: auth, data: MOBILE_PLAN })
  ).json();
  const kase = await (
    await request.post("/api/v1/cases", {
      headers: auth,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();

  const created = await request.post(`/api/v1/cases/${kase.id}/notes`, {
    headers: auth,
    data: CALL,
  });
  expect(created.status()).toBe(201);
  const note = await created.json();
  expect(note).toEqual({
    id: expect.any(String),
    caseId: kase.id,
    ...CALL,
    failureReason: null,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });

  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(detail.notes).toEqual([note]);
  expect(detail).toMatchObject({ nextFollowUpOn: "2099-01-15", version: kase.version });

  const patched = await request.patch(`/api/v1/notes/${note.id}`, {
    headers: auth,
    data: { outcome: "Escalated", agent: "" },
  });
  expect(await patched.json()).toMatchObject({
    outcome: "Escalated",
    agent: null,
    summary: CALL.summary,
  });

  const found = await (await request.get("/api/v1/notes?q=tck-88231", { headers: auth })).json();
  expect(found.items.map((n: { id: string }) => n.id)).toEqual([note.id]);
  expect((await request.get("/api/v1/notes?q=", { headers: auth })).status()).toBe(400);

  expect((await request.delete(`/api/v1/notes/${note.id}`, { headers: auth })).status()).toBe(204);
  expect((await request.get(`/api/v1/notes/${note.id}`, { headers: auth })).status()).toBe(404);
});

test("notes: 400 with fields, 401 without auth, 404 for another user's case or note", async ({
  request,
}) => {
  const a = await apiUser(request);
  const b = await apiUser(request);
  const sub = await (
    await request.post("/api/v1/subscriptions", { headers: a.auth, data: MOBILE_PLAN })
  ).json();
  const kase = await (
    await request.post("/api/v1/cases", {
      headers: a.auth,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();
  const note = await (
    await request.post(`/api/v1/cases/${kase.id}/notes`, { headers: a.auth, data: CALL })
  ).json();

  const bad = await request.post(`/api/v1/cases/${kase.id}/notes`, {
    headers: a.auth,
    data: { channel: "pigeon", occurredAt: "yesterday", durationMinutes: -5, summary: "  " },
  });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual([
    "channel",
    "durationMinutes",
    "occurredAt",
    "summary",
  ]);

  for (const [method, url, data] of [
    ["POST", `/api/v1/cases/${kase.id}/notes`, CALL],
    ["GET", `/api/v1/notes/${note.id}`, undefined],
    ["PATCH", `/api/v1/notes/${note.id}`, { summary: "hijacked" }],
    ["DELETE", `/api/v1/notes/${note.id}`, undefined],
  ] as const) {
    expect((await request.fetch(url, { method, data })).status(), `${method} ${url}`).toBe(401);
    expect(
      (await request.fetch(url, { method, data, headers: b.auth })).status(),
      `B ${method} ${url}`,
    ).toBe(404);
  }
  expect((await request.get("/api/v1/notes?q=TCK", { headers: b.auth })).ok()).toBe(true);
  expect(
    (await (await request.get("/api/v1/notes?q=TCK", { headers: b.auth })).json()).items,
  ).toEqual([]);
  expect(
    (await (await request.get(`/api/v1/notes/${note.id}`, { headers: a.auth })).json()).summary,
  ).toBe(CALL.summary);
});

test("one search over cases, receipts and notes, with the shape of the contract", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase, note, receipt } = await apiCase(request, auth, {
    noteSummary: "Agent said the MINT port-out PIN is 4412",
    receipt: PDF,
  });
  const found = await request.get("/api/v1/search?q=mint", { headers: auth });
  expect(found.status()).toBe(200);
  const body = await found.json();
  expect(body.nextCursor).toBeNull();
  expect(body.items).toEqual(
    expect.arrayContaining([
      {
        type: "case",
        id: kase.id,
        caseId: kase.id,
        title: "Mint Mobile · Unlimited 5G",
        snippet: "",
      },
      expect.objectContaining({ type: "note", id: note.id, caseId: kase.id, title: "Mint Mobile" }),
    ]),
  );
  const byFile = await (await request.get("/api/v1/search?q=x.pdf", { headers: auth })).json();
  expect(byFile.items).toEqual([
    { type: "receipt", id: receipt.id, caseId: kase.id, title: "x.pdf", snippet: "Mint Mobile" },
  ]);
  expect((await request.get("/api/v1/search?q=", { headers: auth })).status()).toBe(400);
});
