import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CHASE_STATEMENT, PDF, unzip } from "./files";
import { apiUser, MOBILE_PLAN, PASSWORD, register, sameOrigin } from "./helpers";
import { apiRoutesOnDisk } from "../support/api-routes";
import { softRegistration } from "../support/soft-authenticator";

// Every /api/v1 route, and what user B may do with user A's ids: nothing but
// "not found". A route file added without an entry here fails the first test.
type Ids = {
  subscription: string;
  case: string;
  note: string;
  receipt: string;
  statementImport: string;
  transaction: string;
  correction: string;
  dispute: string;
  account: string;
  passkey: string;
  channel: string;
};
type Call = { url: string; data?: unknown; multipart?: Record<string, unknown> };
type Entry =
  | { kind: "public" }
  | { kind: "self" } // acts only on the caller's own account
  | {
      kind: "list";
      call: (ids: Ids) => Call;
      leaks: (body: unknown, ids: Ids) => boolean;
      read?: (response: APIResponse) => Promise<unknown>;
    }
  | { kind: "foreign"; call: (ids: Ids) => Call };

const RECURRING_STATEMENT = {
  name: "chase-autumn.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
      ["08/15/2026", "09/15/2026", "10/15/2026"]
        .map((day) => `${day},${day},NETFLIX.COM NETFLIX.COM CA,Entertainment,Sale,-15.49,`)
        .join("\n") +
      "\n",
  ),
};

const pdf = { name: "x.pdf", mimeType: "application/pdf", buffer: PDF };

const MATRIX: Record<string, Entry> = {
  "POST /api/v1/auth/register": { kind: "public" },
  "POST /api/v1/auth/token": { kind: "public" },
  "POST /api/v1/auth/password-reset": { kind: "public" },
  "POST /api/v1/auth/password-reset/confirm": { kind: "public" },
  "POST /api/v1/auth/passkey/options": { kind: "public" },
  "POST /api/v1/auth/passkey/second-factor/options": { kind: "public" },
  "GET /api/v1/openapi.json": { kind: "public" },
  "GET /api/v1/me": { kind: "self" },
  "POST /api/v1/me/calendar-feed": { kind: "self" },
  "DELETE /api/v1/me/calendar-feed": { kind: "self" },
  "GET /api/v1/me/notifications": { kind: "self" },
  "PATCH /api/v1/me/notifications": { kind: "self" },
  "POST /api/v1/me/notifications/test": { kind: "self" },
  // B's own log holds one event (the token apiUser made); A's would make it more.
  "GET /api/v1/me/security-events": {
    kind: "list",
    call: () => ({ url: "/api/v1/me/security-events?limit=100" }),
    leaks: (body) => (body as { items: unknown[] }).items.length !== 1,
  },
  // An endpoint is removed only from the caller's own devices.
  "POST /api/v1/me/push-subscriptions": { kind: "self" },
  "DELETE /api/v1/me/push-subscriptions": { kind: "self" },
  // Two-factor acts on the caller's own account only.
  "POST /api/v1/me/totp": { kind: "self" },
  "DELETE /api/v1/me/totp": { kind: "self" },
  "POST /api/v1/me/totp/confirm": { kind: "self" },
  // Passkeys: registering acts on the caller's own account; A's passkey is not B's to see or change.
  "GET /api/v1/me/passkeys": {
    kind: "list",
    call: () => ({ url: "/api/v1/me/passkeys" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.passkey),
  },
  "POST /api/v1/me/passkeys": { kind: "self" },
  "POST /api/v1/me/passkeys/options": { kind: "self" },
  "PATCH /api/v1/me/passkeys/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/me/passkeys/${ids.passkey}`, data: { name: "B was here" } }),
  },
  "DELETE /api/v1/me/passkeys/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/me/passkeys/${ids.passkey}` }),
  },
  // Notification channels: A's channel is not B's to see, change, test or remove.
  "GET /api/v1/me/channels": {
    kind: "list",
    call: () => ({ url: "/api/v1/me/channels" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.channel),
  },
  "POST /api/v1/me/channels": { kind: "self" },
  "PATCH /api/v1/me/channels/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/me/channels/${ids.channel}`, data: { name: "B was here" } }),
  },
  "DELETE /api/v1/me/channels/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/me/channels/${ids.channel}` }),
  },
  "POST /api/v1/me/channels/:id/test": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/me/channels/${ids.channel}/test` }),
  },
  "POST /api/v1/imports": { kind: "self" },
  "POST /api/v1/subscriptions/import": { kind: "self" },
  "GET /api/v1/imports": {
    kind: "list",
    call: () => ({ url: "/api/v1/imports?limit=100" }),
    leaks: (body, ids) => Object.values(ids).some((id) => JSON.stringify(body).includes(id)),
  },
  "GET /api/v1/accounts": {
    kind: "list",
    call: () => ({ url: "/api/v1/accounts?limit=100" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.account),
  },
  "GET /api/v1/accounts/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/accounts/${ids.account}` }),
  },
  "PATCH /api/v1/accounts/:id": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/accounts/${ids.account}`,
      data: { accountKind: "debit_card", holderName: "B was here" },
    }),
  },
  "GET /api/v1/imports/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/imports/${ids.statementImport}` }),
  },
  "DELETE /api/v1/imports/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/imports/${ids.statementImport}` }),
  },
  "GET /api/v1/transactions": {
    kind: "list",
    call: (ids) => ({ url: `/api/v1/transactions?limit=100&subscriptionId=${ids.subscription}` }),
    leaks: (body) => JSON.stringify(body).includes("MINT MOBILE"),
  },
  "GET /api/v1/transactions/recurring": {
    kind: "list",
    call: () => ({ url: "/api/v1/transactions/recurring" }),
    leaks: (body) => JSON.stringify(body).includes("NETFLIX"),
  },
  // The playbooks are the same for everyone: only sign-in is checked.
  "GET /api/v1/playbooks": { kind: "self" },
  "GET /api/v1/playbooks/:slug": { kind: "self" },
  "GET /api/v1/playbooks/:slug/corrections": {
    kind: "list",
    call: () => ({ url: "/api/v1/playbooks/example-mobile/corrections" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.correction),
  },
  "POST /api/v1/playbooks/:slug/corrections": { kind: "self" },
  "DELETE /api/v1/playbooks/:slug/corrections/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/playbooks/example-mobile/corrections/${ids.correction}` }),
  },
  "GET /api/v1/playbook-corrections": {
    kind: "list",
    call: () => ({ url: "/api/v1/playbook-corrections" }),
    leaks: (body) => JSON.stringify(body).includes("A's secret correction"),
  },
  "POST /api/v1/playbook-corrections": { kind: "self" },
  "GET /api/v1/cases/:id/dispute-pack": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/dispute-pack?format=zip` }),
  },
  "GET /api/v1/cases/:id/letters/:kind": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/letters/merchant_final_notice` }),
  },
  "GET /api/v1/transactions/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/transactions/${ids.transaction}` }),
  },
  "PATCH /api/v1/transactions/:id": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/transactions/${ids.transaction}`,
      data: { statementDate: "2026-12-05" },
    }),
  },
  // Disputes (issue 34): A's dispute of A's charge.
  "POST /api/v1/transactions/:id/dispute": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/transactions/${ids.transaction}/dispute`,
      data: { filedOn: "2026-12-01", channel: "online" },
    }),
  },
  "GET /api/v1/disputes": {
    kind: "list",
    call: () => ({ url: "/api/v1/disputes?limit=100" }),
    leaks: (body, ids) => Object.values(ids).some((id) => JSON.stringify(body).includes(id)),
  },
  "GET /api/v1/disputes/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/disputes/${ids.dispute}` }),
  },
  "PATCH /api/v1/disputes/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/disputes/${ids.dispute}`, data: { status: "withdrawn" } }),
  },
  "GET /api/v1/notifications": {
    kind: "list",
    call: () => ({ url: "/api/v1/notifications?limit=100" }),
    leaks: (body, ids) => Object.values(ids).some((id) => JSON.stringify(body).includes(id)),
  },
  // A has no notification in this setup (reminders need the scheduler's
  // tick): any id not B's is "not found"; tests/data/reminder-rules.test.ts
  // snoozes and acknowledges another user's real notification.
  "POST /api/v1/notifications/:id/snooze": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/notifications/${ids.case}/snooze`,
      data: { until: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) },
    }),
  },
  "POST /api/v1/notifications/:id/ack": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/notifications/${ids.case}/ack` }),
  },
  "GET /api/v1/export": {
    kind: "list",
    call: () => ({ url: "/api/v1/export" }),
    read: async (response) => {
      const entries = await unzip(await response.body());
      return [...entries].map(([name, bytes]) => `${name}\n${bytes.toString("latin1")}`);
    },
    leaks: (body, ids) =>
      Object.values(ids).some((id) => JSON.stringify(body).includes(id)) ||
      JSON.stringify(body).includes("secret"),
  },
  "GET /api/v1/subscriptions": {
    kind: "list",
    call: () => ({ url: "/api/v1/subscriptions?limit=100" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.subscription),
  },
  "POST /api/v1/subscriptions": { kind: "self" },
  "GET /api/v1/subscriptions/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/subscriptions/${ids.subscription}` }),
  },
  "PATCH /api/v1/subscriptions/:id": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/subscriptions/${ids.subscription}`,
      data: { provider: "B was here" },
    }),
  },
  "DELETE /api/v1/subscriptions/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/subscriptions/${ids.subscription}` }),
  },
  "GET /api/v1/cases": {
    kind: "list",
    call: () => ({ url: "/api/v1/cases?limit=100" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.case),
  },
  "POST /api/v1/cases": {
    kind: "foreign",
    call: (ids) => ({
      url: "/api/v1/cases",
      data: { subscriptionId: ids.subscription, reason: "cost" },
    }),
  },
  "GET /api/v1/cases/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}` }),
  },
  "PATCH /api/v1/cases/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}`, data: { confirmationNumber: "B" } }),
  },
  "GET /api/v1/cases/:id/events": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/events` }),
  },
  "GET /api/v1/cases/:id/checklist": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/checklist` }),
  },
  "PATCH /api/v1/cases/:id/checklist": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/cases/${ids.case}/checklist`,
      data: { item: "final_bill_checked", done: true },
    }),
  },
  "GET /api/v1/cases/:id/notes": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/notes` }),
  },
  "GET /api/v1/cases/:id/receipts": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/cases/${ids.case}/receipts` }),
  },
  "POST /api/v1/cases/:id/transitions": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/cases/${ids.case}/transitions`,
      data: { to: "withdrawn", expectedVersion: 1 },
    }),
  },
  "POST /api/v1/cases/:id/notes": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/cases/${ids.case}/notes`,
      data: { channel: "phone", occurredAt: "2026-11-20T10:00:00Z", summary: "B was here" },
    }),
  },
  "POST /api/v1/cases/:id/receipts": {
    kind: "foreign",
    call: (ids) => ({
      url: `/api/v1/cases/${ids.case}/receipts`,
      multipart: { kind: "other", file: pdf },
    }),
  },
  "GET /api/v1/notes": {
    kind: "list",
    call: () => ({ url: "/api/v1/notes?q=secret" }),
    leaks: (body, ids) => JSON.stringify(body).includes(ids.note),
  },
  "GET /api/v1/search": {
    kind: "list",
    // A's case is a Mint Mobile plan, its note says "secret", its receipt is x.pdf.
    call: () => ({ url: "/api/v1/search?q=mint" }),
    leaks: (body, ids) => Object.values(ids).some((id) => JSON.stringify(body).includes(id)),
  },
  "GET /api/v1/notes/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/notes/${ids.note}` }),
  },
  "PATCH /api/v1/notes/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/notes/${ids.note}`, data: { summary: "B was here" } }),
  },
  "DELETE /api/v1/notes/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/notes/${ids.note}` }),
  },
  "GET /api/v1/receipts/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/receipts/${ids.receipt}` }),
  },
  "DELETE /api/v1/receipts/:id": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/receipts/${ids.receipt}` }),
  },
  "GET /api/v1/receipts/:id/download": {
    kind: "foreign",
    call: (ids) => ({ url: `/api/v1/receipts/${ids.receipt}/download` }),
  },
};

async function snapshot(request: APIRequestContext, auth: Record<string, string>, ids: Ids) {
  const sub = await (
    await request.get(`/api/v1/subscriptions/${ids.subscription}`, { headers: auth })
  ).json();
  const kase = await (await request.get(`/api/v1/cases/${ids.case}`, { headers: auth })).json();
  const statement = await (
    await request.get(`/api/v1/imports/${ids.statementImport}`, { headers: auth })
  ).json();
  const lines = await (await request.get("/api/v1/transactions", { headers: auth })).json();
  const corrections = await (
    await request.get("/api/v1/playbooks/example-mobile/corrections", { headers: auth })
  ).json();
  const dispute = await (
    await request.get(`/api/v1/disputes/${ids.dispute}`, { headers: auth })
  ).json();
  const account = await (
    await request.get(`/api/v1/accounts/${ids.account}`, { headers: auth })
  ).json();
  const passkeys = await (await request.get("/api/v1/me/passkeys", { headers: auth })).json();
  const channels = await (await request.get("/api/v1/me/channels", { headers: auth })).json();
  return JSON.stringify({
    sub,
    kase,
    statement,
    lines,
    corrections,
    dispute,
    account,
    passkeys,
    channels,
  });
}

/** A passkey for the caller, registered with a key made in Node (no browser here). */
async function softPasskey(
  request: APIRequestContext,
  auth: { Authorization: string },
): Promise<string> {
  const started = await request.post("/api/v1/me/passkeys/options", {
    headers: auth,
    data: { password: PASSWORD },
  });
  expect(started.status()).toBe(200);
  const { challengeId, options } = await started.json();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const registered = await request.post("/api/v1/me/passkeys", {
    headers: auth,
    data: { challengeId, name: "A's key", response: softRegistration(options.challenge, origin) },
  });
  expect(registered.status()).toBe(201);
  return (await registered.json()).id;
}

test("every /api/v1 route has an entry in the access-control matrix", () => {
  expect(apiRoutesOnDisk({ param: ":" })).toEqual(Object.keys(MATRIX).sort());
});

test("as user B against user A's ids every route answers not found, anonymous gets 401, and A's data is unchanged", async ({
  request,
}) => {
  const a = await apiUser(request);
  const b = await apiUser(request);
  const subscription = (
    await (
      await request.post("/api/v1/subscriptions", { headers: a.auth, data: MOBILE_PLAN })
    ).json()
  ).id;
  const kaseId = (
    await (
      await request.post("/api/v1/cases", {
        headers: a.auth,
        data: { subscriptionId: subscription, reason: "cost" },
      })
    ).json()
  ).id;
  const note = (
    await (
      await request.post(`/api/v1/cases/${kaseId}/notes`, {
        headers: a.auth,
        data: {
          channel: "phone",
          occurredAt: "2026-11-20T10:00:00Z",
          summary: "secret plan",
          reference: "secret-1",
        },
      })
    ).json()
  ).id;
  const receipt = (
    await (
      await request.post(`/api/v1/cases/${kaseId}/receipts`, {
        headers: a.auth,
        multipart: { kind: "confirmation", file: pdf },
      })
    ).json()
  ).id;
  const statementImport = (
    await (
      await request.post("/api/v1/imports", {
        headers: a.auth,
        multipart: {
          account: "A's card",
          file: CHASE_STATEMENT,
        },
      })
    ).json()
  ).id;
  // Three monthly charges: a recurring charge A has and B must not see.
  const recurring = await request.post("/api/v1/imports", {
    headers: a.auth,
    multipart: { account: "A's card", file: RECURRING_STATEMENT },
  });
  expect(recurring.status()).toBe(201);
  const aRecurring = await request.get("/api/v1/transactions/recurring", { headers: a.auth });
  expect(JSON.stringify(await aRecurring.json())).toContain("NETFLIX");
  const transaction = (
    await (await request.get("/api/v1/transactions", { headers: a.auth })).json()
  ).items[0].id;
  const corrected = await request.post("/api/v1/playbooks/example-mobile/corrections", {
    headers: a.auth,
    data: { factPath: "portOut", note: "A's secret correction" },
  });
  expect(corrected.status()).toBe(201);
  const correction = (await corrected.json()).id;
  const filed = await request.post(`/api/v1/transactions/${transaction}/dispute`, {
    headers: a.auth,
    data: { filedOn: "2026-12-01", channel: "phone", reference: "secret-ref" },
  });
  expect(filed.status()).toBe(201);
  const dispute = (await filed.json()).id;
  const account = (await (await request.get("/api/v1/accounts", { headers: a.auth })).json())
    .items[0].id;
  const passkey = await softPasskey(request, a.auth);
  const addedChannel = await request.post("/api/v1/me/channels", {
    headers: a.auth,
    data: { kind: "serverchan", name: "A's WeChat", target: "SCTaaaabbbbcccc" },
  });
  expect(addedChannel.status()).toBe(201);
  const channel = (await addedChannel.json()).id;
  const ids: Ids = {
    subscription,
    case: kaseId,
    note,
    receipt,
    statementImport,
    transaction,
    correction,
    dispute,
    account,
    passkey,
    channel,
  };
  const before = await snapshot(request, a.auth, ids);

  let checked = 0;
  for (const [route, entry] of Object.entries(MATRIX)) {
    const [method] = route.split(" ") as [string];
    if (entry.kind === "public") continue;
    const call =
      entry.kind === "self"
        ? { url: route.split(" ")[1]!, data: method === "POST" ? MOBILE_PLAN : undefined }
        : entry.call(ids);
    const anonymous = await request.fetch(call.url, {
      method,
      data: call.data,
      multipart: call.multipart as never,
    });
    expect(anonymous.status(), `anonymous ${route}`).toBe(401);
    if (entry.kind === "foreign") {
      const response = await request.fetch(call.url, {
        method,
        data: call.data,
        multipart: call.multipart as never,
        headers: b.auth,
      });
      expect(response.status(), `B ${route}`).toBe(404);
      const body = await response.text();
      expect(body, `B ${route}`).not.toContain("%PDF");
      expect(JSON.parse(body).error.code).toBe("not_found");
    }
    if (entry.kind === "list") {
      const response = await request.fetch(call.url, { method, headers: b.auth });
      expect(response.status(), `B ${route}`).toBe(200);
      const body = entry.read ? await entry.read(response) : await response.json();
      expect(entry.leaks(body, ids), `B ${route} lists A's rows`).toBe(false);
    }
    checked++;
  }
  expect(checked).toBe(Object.values(MATRIX).filter((e) => e.kind !== "public").length);
  expect(await snapshot(request, a.auth, ids)).toBe(before);
});

// The statement-lines page (issue 34): its filters are ids and labels in the
// URL, so another user's must show nothing of theirs, not even that they exist.
test("/statements/lines: signed out goes to sign-in; B given A's filter ids sees none of A's lines", async ({
  browser,
  request,
}) => {
  const a = await apiUser(request);
  const mint = (
    await (
      await request.post("/api/v1/subscriptions", { headers: a.auth, data: MOBILE_PLAN })
    ).json()
  ).id as string;
  const aImport = await request.post("/api/v1/imports", {
    headers: a.auth,
    multipart: { account: "A's card", file: CHASE_STATEMENT },
  });
  expect(aImport.status()).toBe(201);

  const anonymous = await browser.newContext();
  const out = await anonymous.newPage();
  await out.goto("/statements/lines?flagged=true");
  await expect(out).toHaveURL(/\/login\?callbackUrl=%2Fstatements%2Flines%3Fflagged%3Dtrue$/);
  await anonymous.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await register(page);
  const bImport = await page.request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "B's card",
      file: {
        name: "b.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
            "11/20/2026,11/20/2026,COFFEE,Food,Sale,-5.00,\n",
        ),
      },
    },
  });
  expect(bImport.status()).toBe(201);
  for (const query of [
    `subscriptionId=${mint}`,
    `account=${encodeURIComponent("A's card")}`,
    `subscriptionId=${mint}&flagged=true`,
  ]) {
    const response = await page.goto(`/statements/lines?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByTestId("no-match"), query).toBeVisible();
    const html = await page.content();
    expect(html, query).not.toContain("MINT MOBILE");
    expect(html, query).not.toContain("Mint Mobile");
    // A label named in the URL stays chosen under a neutral name, never offered as B's.
    await expect(page.locator("option", { hasText: "A's card" }), query).toHaveCount(0);
  }
  // B's own line is there without the filters.
  await page.goto("/statements/lines");
  await expect(page.getByTestId("statement-line")).toHaveCount(1);
  await expect(page.getByTestId("statement-line")).toContainText("COFFEE");
  await context.close();
});

test("cached pages: A's pages, kept rendered for A, answer B not found and show none of A's data", async ({
  browser,
}) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await register(pageA);
    await register(pageB);
    const provider = "Matrix Cached Mobile";
    const subscription = await pageA.request.post("/api/v1/subscriptions", {
      headers: sameOrigin(),
      data: { ...MOBILE_PLAN, provider },
    });
    expect(subscription.status()).toBe(201);
    const subscriptionId = (await subscription.json()).id as string;
    const opened = await pageA.request.post("/api/v1/cases", {
      headers: sameOrigin(),
      data: { subscriptionId, reason: "cost" },
    });
    expect(opened.status()).toBe(201);
    const caseId = (await opened.json()).id as string;
    const paths = [
      `/subscriptions/${subscriptionId}`,
      `/subscriptions/${subscriptionId}/edit`,
      `/cases/${caseId}`,
    ];
    for (const path of paths) {
      // Warmed in A's store (a worker may need a few views to have it).
      const caches: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await pageA.request.get(path);
        expect(response.status(), path).toBe(200);
        expect(await response.text(), path).toContain(provider);
        caches.push(response.headers()["x-cancelcase-cache"]);
      }
      expect(caches, path).toContain("hit");
      for (let i = 0; i < 4; i++) {
        const response = await pageB.request.get(path);
        expect(response.status(), path).toBe(404);
        expect(response.headers()["x-cancelcase-cache"], path).not.toBe("hit");
        expect(await response.text(), path).not.toContain(provider);
      }
    }
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
