import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiUser, MOBILE_PLAN } from "./helpers";

async function createSubscription(
  request: APIRequestContext,
  auth: Record<string, string>,
  extra = {},
) {
  const response = await request.post("/api/v1/subscriptions", {
    headers: auth,
    data: { ...MOBILE_PLAN, ...extra },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** A subscription and a case opened on it for its cost, as the API answers them. */
async function openCase(request: APIRequestContext, auth: Record<string, string>, extra = {}) {
  const sub = await createSubscription(request, auth, extra);
  const opened = await request.post("/api/v1/cases", {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "cost" },
  });
  expect(opened.status()).toBe(201);
  return { sub, kase: await opened.json() };
}

/**
 * Moves a case step by step, each time with the version the last move
 * answered; every move must be allowed (200). Returns the new version.
 */
function stepper(
  request: APIRequestContext,
  auth: Record<string, string>,
  kase: { id: string; version: number },
) {
  let version = kase.version;
  return async (to: string, extra: object = {}): Promise<number> => {
    const response = await request.post(`/api/v1/cases/${kase.id}/transitions`, {
      headers: auth,
      data: { to, expectedVersion: version, ...extra },
    });
    expect(response.status(), to).toBe(200);
    version = (await response.json()).version;
    return version;
  };
}

test("subscriptions: create, read, update, list, delete — with the field names of docs/contract.md", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const created = await createSubscription(request, auth);
  expect(created).toEqual({
    id: expect.any(String),
    ...MOBILE_PLAN,
    notes: null,
    status: "active",
    cancelledAt: null,
    merchantPatterns: ["MINT MOBILE", "MINTMOBILE"],
    // The e2e servers read the fixture playbooks, which have no Mint Mobile.
    playbookSlug: null,
    trialEndsOn: null,
    // Reminder rules (issue 36): the user's default lead times until the subscription has its own.
    remindDaysBefore: [7, 1],
    remindDaysBeforeDefault: true,
    noticeDays: null,
    createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
  });

  expect(
    await (await request.get(`/api/v1/subscriptions/${created.id}`, { headers: auth })).json(),
  ).toEqual(created);

  // An empty patch changes nothing and answers the subscription as it is.
  const unchanged = await request.patch(`/api/v1/subscriptions/${created.id}`, {
    headers: auth,
    data: {},
  });
  expect(unchanged.status()).toBe(200);
  expect(await unchanged.json()).toEqual(created);

  const patched = await request.patch(`/api/v1/subscriptions/${created.id}`, {
    headers: auth,
    data: { amount: 2500, plan: "", notes: "price drop" },
  });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({
    amount: 2500,
    plan: null,
    notes: "price drop",
    provider: "Mint Mobile",
  });

  const list = await (await request.get("/api/v1/subscriptions", { headers: auth })).json();
  expect(list).toEqual({ items: [expect.objectContaining({ id: created.id })], nextCursor: null });

  expect(
    (await request.delete(`/api/v1/subscriptions/${created.id}`, { headers: auth })).status(),
  ).toBe(204);
  expect(
    (await request.get(`/api/v1/subscriptions/${created.id}`, { headers: auth })).status(),
  ).toBe(404);
});

test("subscriptions: validation errors name each field; money must be integer minor units with a real currency", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const bad = await request.post("/api/v1/subscriptions", {
    headers: auth,
    data: {
      provider: "",
      category: "pets",
      amount: 12.5,
      currency: "XYZ",
      billingCycle: "daily",
      nextRenewalOn: "2026-02-30",
      cancelUrl: "javascript:alert(1)",
    },
  });
  expect(bad.status()).toBe(400);
  const { error } = await bad.json();
  expect(error.code).toBe("validation_failed");
  expect(Object.keys(error.fields).sort()).toEqual(
    [
      "amount",
      "billingCycle",
      "cancelUrl",
      "category",
      "currency",
      "nextRenewalOn",
      "provider",
    ].sort(),
  );
  expect((await request.get("/api/v1/subscriptions", { headers: auth })).ok()).toBe(true);
  expect(
    (await (await request.get("/api/v1/subscriptions", { headers: auth })).json()).items,
  ).toEqual([]);
  expect((await request.get("/api/v1/subscriptions?limit=101", { headers: auth })).status()).toBe(
    400,
  );
  expect(
    (await request.get("/api/v1/subscriptions?cursor=bogus", { headers: auth })).status(),
  ).toBe(400);
});

test("every endpoint needs auth (401) and hides other users' rows (404)", async ({ request }) => {
  const a = await apiUser(request);
  const b = await apiUser(request);
  const { sub, kase } = await openCase(request, a.auth);

  const calls: [string, string, unknown?][] = [
    ["GET", "/api/v1/subscriptions"],
    ["POST", "/api/v1/subscriptions", MOBILE_PLAN],
    ["GET", `/api/v1/subscriptions/${sub.id}`],
    ["PATCH", `/api/v1/subscriptions/${sub.id}`, { provider: "Hijacked" }],
    ["DELETE", `/api/v1/subscriptions/${sub.id}`],
    ["GET", "/api/v1/cases"],
    ["POST", "/api/v1/cases", { subscriptionId: sub.id, reason: "cost" }],
    ["GET", `/api/v1/cases/${kase.id}`],
    ["PATCH", `/api/v1/cases/${kase.id}`, { confirmationNumber: "X" }],
    [
      "POST",
      `/api/v1/cases/${kase.id}/transitions`,
      { to: "bill_checked", expectedVersion: kase.version },
    ],
  ];
  for (const [method, url, data] of calls) {
    const anonymous = await request.fetch(url, { method, data });
    expect(anonymous.status(), `${method} ${url}`).toBe(401);
    if (
      url.includes(sub.id) ||
      url.includes(kase.id) ||
      (method === "POST" && url === "/api/v1/cases")
    ) {
      const other = await request.fetch(url, { method, data, headers: b.auth });
      expect(other.status(), `B: ${method} ${url}`).toBe(404);
      expect((await other.json()).error.code).toBe("not_found");
    }
  }
  expect(
    await (await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: a.auth })).json(),
  ).toMatchObject({ provider: "Mint Mobile" });
  expect(
    await (await request.get(`/api/v1/cases/${kase.id}`, { headers: a.auth })).json(),
  ).toMatchObject({ state: "open", version: kase.version });
});

test("cases: open, walk, 409 for a stale version, 422 for a forbidden move, confirm with a number", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const sub = await createSubscription(request, auth);
  const opened = await request.post("/api/v1/cases", {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "switching", method: "phone" },
  });
  expect(opened.status()).toBe(201);
  const kase = await opened.json();
  expect(kase).toEqual({
    id: expect.any(String),
    subscriptionId: sub.id,
    reason: "switching",
    method: "phone",
    state: "open",
    version: 1,
    confirmationNumber: null,
    nextFollowUpOn: null,
    expectedFinalBill: null,
    openedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    openedAt: expect.any(String),
    closedAt: null,
    followUpStatus: null,
  });
  expect(
    (
      await request.post("/api/v1/cases", {
        headers: auth,
        data: { subscriptionId: sub.id, reason: "cost" },
      })
    ).status(),
  ).toBe(409);

  const move = (data: object) =>
    request.post(`/api/v1/cases/${kase.id}/transitions`, { headers: auth, data });
  const forbidden = await move({ to: "request_submitted", expectedVersion: 1 });
  expect(forbidden.status()).toBe(422);
  expect((await forbidden.json()).error.fields).toEqual({ to: [expect.any(String)] });

  expect((await move({ to: "bill_checked", expectedVersion: 1 })).status()).toBe(200);
  const stale = await move({ to: "bill_checked", expectedVersion: 1 });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.code).toBe("conflict");

  const submitted = await move({
    to: "request_submitted",
    expectedVersion: 2,
    comment: "Called, ticket 4411",
  });
  expect(await submitted.json()).toMatchObject({ state: "request_submitted", version: 3 });
  const noEvidence = await move({ to: "confirmation_received", expectedVersion: 3 });
  expect(noEvidence.status()).toBe(422);
  expect(Object.keys((await noEvidence.json()).error.fields)).toEqual(["confirmationNumber"]);
  const badBody = await move({ to: "flying", expectedVersion: "three" });
  expect(badBody.status()).toBe(400);

  const confirmed = await move({
    to: "confirmation_received",
    expectedVersion: 3,
    confirmationNumber: "MM-55501",
  });
  expect(await confirmed.json()).toMatchObject({
    state: "confirmation_received",
    confirmationNumber: "MM-55501",
    closedAt: expect.any(String),
  });

  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(detail.events).toHaveLength(8);
  expect(detail.events[0]).toEqual({
    from: null,
    to: "open",
    at: expect.any(String),
    occurredOn: kase.openedOn,
    skipped: false,
    comment: null,
    rejectionReason: null,
  });
  expect(
    detail.events.filter((e: { skipped: boolean }) => e.skipped).map((e: { to: string }) => e.to),
  ).toEqual(["data_backed_up", "payment_unlinked", "identity_verified", "under_review"]);
  expect(detail).toMatchObject({ notes: [], receipts: [] });
  expect(
    (await (await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth })).json()).status,
  ).toBe("cancelled");

  const edited = await request.patch(`/api/v1/cases/${kase.id}`, {
    headers: auth,
    data: { nextFollowUpOn: "2027-01-05", expectedVersion: 4 },
  });
  expect(await edited.json()).toMatchObject({ nextFollowUpOn: "2027-01-05", version: 5 });
  expect(
    (
      await request.patch(`/api/v1/cases/${kase.id}`, {
        headers: auth,
        data: { reason: "cost", expectedVersion: 4 },
      })
    ).status(),
  ).toBe(409);
});

test("cases: the rejected branch, filters and pagination across pages", async ({ request }) => {
  const { auth } = await apiUser(request);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { kase } = await openCase(request, auth, { provider: `Provider ${i}` });
    ids.push(kase.id);
  }
  const first = ids[0]!;
  const move = (data: object) =>
    request.post(`/api/v1/cases/${first}/transitions`, { headers: auth, data });
  await move({ to: "bill_checked", expectedVersion: 1 });
  await move({ to: "request_submitted", expectedVersion: 2 });
  expect((await move({ to: "rejected", expectedVersion: 3 })).status()).toBe(422);
  expect(
    await (
      await move({
        to: "rejected",
        expectedVersion: 3,
        rejectionReason: "unpaid_balance",
        comment: "balance $12",
      })
    ).json(),
  ).toMatchObject({
    state: "rejected",
  });
  expect(await (await move({ to: "bill_checked", expectedVersion: 4 })).json()).toMatchObject({
    state: "bill_checked",
  });

  const filtered = await (
    await request.get("/api/v1/cases?state=bill_checked", { headers: auth })
  ).json();
  expect(filtered.items.map((c: { id: string }) => c.id)).toEqual([first]);
  expect((await request.get("/api/v1/cases?state=nonsense", { headers: auth })).status()).toBe(400);

  const seen: string[] = [];
  let url = "/api/v1/cases?limit=2";
  for (let pages = 0; pages < 10; pages++) {
    const page = await (await request.get(url, { headers: auth })).json();
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((c: { id: string }) => c.id));
    if (!page.nextCursor) break;
    url = `/api/v1/cases?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
  }
  expect(seen).toHaveLength(5);
  expect([...seen].sort()).toEqual([...ids].sort());
});

test("a cookie-authenticated write from a foreign Origin is refused", async ({ page, request }) => {
  const { email } = await apiUser(request);
  const { logIn } = await import("./helpers");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  const foreign = await page.request.post("/api/v1/subscriptions", {
    headers: { Origin: "https://evil.example" },
    data: MOBILE_PLAN,
  });
  expect(foreign.status()).toBe(403);
  const own = await page.request.post("/api/v1/subscriptions", {
    headers: { Origin: new URL(page.url()).origin },
    data: MOBILE_PLAN,
  });
  expect(own.status()).toBe(201);
  const read = await page.request.get("/api/v1/subscriptions");
  expect((await read.json()).items).toHaveLength(1);
});

test("a case's GET holds the newest 100 of each list; the rest are paged, newest first", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase } = await openCase(request, auth);
  for (let i = 0; i < 130; i++) {
    const occurredAt = new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString();
    const response = await request.post(`/api/v1/cases/${kase.id}/notes`, {
      headers: auth,
      data: { channel: "phone", occurredAt, summary: `call ${i}` },
    });
    expect(response.status()).toBe(201);
  }
  // 8 events to confirm (with 4 skipped steps), then 52 reopen/confirm loops: 112 in all.
  const move = stepper(request, auth, kase);
  await move("bill_checked");
  await move("request_submitted");
  let version = await move("confirmation_received", { confirmationNumber: "MM-1" });
  while (version < 108) {
    await move("under_review", { comment: "charged again" });
    version = await move("confirmation_received");
  }

  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(detail.notes).toHaveLength(100);
  expect(detail.notes[0].summary).toBe("call 30");
  expect(detail.notes[99].summary).toBe("call 129");
  expect(detail.events).toHaveLength(100);
  expect(detail.events.at(-1).to).toBe("confirmation_received");
  expect(detail.receipts).toEqual([]);
  expect(detail.receiptsNextCursor).toBeNull();
  expect(typeof detail.notesNextCursor).toBe("string");
  expect(typeof detail.eventsNextCursor).toBe("string");

  const older = await (
    await request.get(`/api/v1/cases/${kase.id}/notes?cursor=${detail.notesNextCursor}`, {
      headers: auth,
    })
  ).json();
  expect(older.items.map((n: { summary: string }) => n.summary)).toEqual(
    Array.from({ length: 20 }, (_, i) => `call ${29 - i}`),
  );
  expect(older.nextCursor).not.toBeNull();
  const rest = await (
    await request.get(`/api/v1/cases/${kase.id}/notes?cursor=${older.nextCursor}`, {
      headers: auth,
    })
  ).json();
  expect(rest.items).toHaveLength(10);
  expect(rest.nextCursor).toBeNull();

  // The whole history, newest first, in pages of 100: nothing missing, nothing twice.
  const history: { to: string }[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const url = `/api/v1/cases/${kase.id}/events?limit=100${cursor ? `&cursor=${cursor}` : ""}`;
    const page: { items: { to: string }[]; nextCursor: string | null } = await (
      await request.get(url, { headers: auth })
    ).json();
    history.push(...page.items);
    cursor = page.nextCursor;
  }
  expect(history.at(-1)!.to).toBe("open");
  expect(history.slice(0, 100).reverse()).toEqual(
    detail.events.map((e: { to: string }) => expect.objectContaining({ to: e.to })),
  );
  const olderEvents = await (
    await request.get(`/api/v1/cases/${kase.id}/events?cursor=${detail.eventsNextCursor}`, {
      headers: auth,
    })
  ).json();
  expect(history).toHaveLength(112);
  expect(olderEvents.items).toEqual(history.slice(100));

  expect((await request.get(`/api/v1/cases/${kase.id}/receipts`, { headers: auth })).status()).toBe(
    200,
  );
  expect(
    (
      await request.get(`/api/v1/cases/${kase.id}/events?cursor=garbage`, { headers: auth })
    ).status(),
  ).toBe(400);
  expect((await request.get(`/api/v1/cases/nope/notes`, { headers: auth })).status()).toBe(404);
});

test("steps in the past: occurredOn on opening and on each move, 422 date_in_future and date_out_of_order, the version first (issue 30, point 10)", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const sub = await createSubscription(request, auth);
  // Far from any day boundary trouble: the server's "today" is the user's, and a day
  // three weeks back is in the past in every zone.
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  const tooLate = await request.post("/api/v1/cases", {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "cost", occurredOn: day(3) },
  });
  expect(tooLate.status()).toBe(422);
  expect((await tooLate.json()).error).toMatchObject({
    code: "date_in_future",
    fields: { occurredOn: [expect.any(String)] },
  });
  const badDay = await request.post("/api/v1/cases", {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "cost", occurredOn: "2026-02-30" },
  });
  expect(badDay.status()).toBe(400);

  const opened = await request.post("/api/v1/cases", {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "cost", occurredOn: day(-21) },
  });
  expect(opened.status()).toBe(201);
  const kase = await opened.json();
  expect(kase.openedOn).toBe(day(-21));

  const move = (data: object) =>
    request.post(`/api/v1/cases/${kase.id}/transitions`, { headers: auth, data });
  const early = await move({ to: "bill_checked", expectedVersion: 1, occurredOn: day(-22) });
  expect(early.status()).toBe(422);
  expect((await early.json()).error.code).toBe("date_out_of_order");
  const future = await move({ to: "bill_checked", expectedVersion: 1, occurredOn: day(3) });
  expect((await future.json()).error.code).toBe("date_in_future");
  // A stale version is a conflict whatever day the request gives.
  expect(
    (await move({ to: "bill_checked", expectedVersion: 9, occurredOn: day(3) })).status(),
  ).toBe(409);

  expect(
    (await move({ to: "bill_checked", expectedVersion: 1, occurredOn: day(-20) })).status(),
  ).toBe(200);
  expect(
    (
      await move({
        to: "request_submitted",
        expectedVersion: 2,
        occurredOn: day(-14),
      })
    ).status(),
  ).toBe(200);
  const confirmed = await move({
    to: "confirmation_received",
    expectedVersion: 3,
    occurredOn: day(-9),
    confirmationNumber: "VZ-1209",
  });
  expect(confirmed.status()).toBe(200);

  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(
    detail.events.map((e: { to: string; occurredOn: string }) => [e.to, e.occurredOn]),
  ).toEqual([
    ["open", day(-21)],
    ["bill_checked", day(-20)],
    ["data_backed_up", day(-14)],
    ["payment_unlinked", day(-14)],
    ["request_submitted", day(-14)],
    ["identity_verified", day(-9)],
    ["under_review", day(-9)],
    ["confirmation_received", day(-9)],
  ]);
  // `at` stays when each was recorded: now.
  for (const event of detail.events) {
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(86_400_000);
  }
});

test("reject, settle, resubmit over the API: no skipped event for the steps done before (issue 30, point 9)", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase } = await openCase(request, auth);
  const move = stepper(request, auth, kase);
  await move("bill_checked");
  await move("data_backed_up");
  await move("payment_unlinked");
  await move("request_submitted");
  await move("rejected", { rejectionReason: "unpaid_balance" });
  await move("bill_checked");
  const atBill = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(atBill.allowedMoves[0]).toEqual({
    to: "request_submitted",
    kind: "advance",
    skips: [],
    again: true,
  });
  await move("request_submitted");
  const detail = await (await request.get(`/api/v1/cases/${kase.id}`, { headers: auth })).json();
  expect(detail.events.filter((e: { skipped: boolean }) => e.skipped)).toEqual([]);
});
