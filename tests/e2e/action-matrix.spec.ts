import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";
import { builtActionIds, callAction, form, sessionFor, sourceActions } from "./actions";
import { CHASE_STATEMENT, PDF } from "./files";
import { apiCase, apiUser, PASSWORD } from "./helpers";

// Every server action, and what user B may do with user A's ids: nothing but
// "not found". Anonymous calls are sent to log in; so are calls with a revoked
// session (its JWT is still well formed): that redirect comes from the
// action's own check, since nothing in front of it (there is no proxy.ts)
// looks at the session. A "use server" export
// without an entry here fails the first test.
type Ids = {
  session: string;
  subscription: string;
  case: string;
  version: number;
  note: string;
  receipt: string;
  token: string;
  statementImport: string;
  transaction: string;
  correction: string;
  dispute: string;
  account: string;
};
type Entry =
  | { kind: "public" } // sign-up, language cookie: no account needed
  | { kind: "self" } // acts only on the caller's own account
  | { kind: "foreign"; calls: (ids: Ids) => unknown[][] };

const IDLE = { status: "idle" };
const note = (fields: Record<string, string>) =>
  form({ channel: "phone", occurredAt: "2026-11-20T10:00", summary: "B was here", ...fields });
const subscription = (fields: Record<string, string>) =>
  form({
    provider: "B was here",
    category: "mobile",
    amount: "30",
    currency: "USD",
    billingCycle: "monthly",
    ...fields,
  });

const MATRIX: Record<string, Entry> = {
  "lib/actions/auth.ts#registerAction": { kind: "public" },
  "lib/actions/auth.ts#setLocaleAction": { kind: "public" },
  "lib/actions/auth.ts#requestPasswordResetAction": { kind: "public" },
  "lib/actions/auth.ts#confirmPasswordResetAction": { kind: "public" },
  "lib/actions/settings.ts#updatePreferencesAction": { kind: "self" },
  "lib/actions/settings.ts#changePasswordAction": { kind: "self" },
  "lib/actions/settings.ts#logoutEverywhereAction": { kind: "self" },
  "lib/actions/settings.ts#createTokenAction": { kind: "self" },
  "lib/actions/settings.ts#deleteAccountAction": { kind: "self" },
  // A has no notification here (reminders need the scheduler): any id not B's is "not found".
  "lib/actions/reminder-rules.ts#snoozeReminderAction": {
    kind: "foreign",
    calls: (ids) => [[ids.case, new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)]],
  },
  "lib/actions/reminder-rules.ts#acknowledgeReminderAction": {
    kind: "foreign",
    calls: (ids) => [[ids.case]],
  },
  "lib/actions/settings.ts#createCalendarFeedAction": { kind: "self" },
  "lib/actions/settings.ts#revokeCalendarFeedAction": { kind: "self" },
  "lib/actions/settings.ts#saveNotificationSettingsAction": { kind: "self" },
  "lib/actions/settings.ts#sendTestNotificationAction": { kind: "self" },
  "lib/actions/settings.ts#revokeTokenAction": { kind: "foreign", calls: (ids) => [[ids.token]] },
  "lib/actions/settings.ts#endSessionAction": { kind: "foreign", calls: (ids) => [[ids.session]] },
  "lib/actions/two-factor.ts#startTotpAction": { kind: "self" },
  "lib/actions/two-factor.ts#confirmTotpAction": { kind: "self" },
  "lib/actions/two-factor.ts#disableTotpAction": { kind: "self" },
  // Single sign-on: an identity id of another account is not found (A's token id stands for
  // one: the e2e server has no provider; tests/data/oidc-unlink.test.ts unlinks A's real one).
  "lib/actions/oidc.ts#unlinkOidcAction": {
    kind: "foreign",
    calls: (ids) => [[IDLE, form({ id: ids.token, password: PASSWORD })]],
  },
  "lib/actions/email.ts#resendVerificationAction": { kind: "self" },
  "lib/actions/email.ts#requestEmailChangeAction": { kind: "self" },
  // The link's token is the proof; no session needed.
  "lib/actions/email.ts#confirmEmailLinkAction": { kind: "public" },
  "lib/actions/subscriptions.ts#saveSubscriptionAction": {
    kind: "foreign",
    calls: (ids) => [[IDLE, subscription({ id: ids.subscription })]],
  },
  "lib/actions/subscriptions.ts#deleteSubscriptionAction": {
    kind: "foreign",
    calls: (ids) => [[ids.subscription]],
  },
  "lib/actions/subscriptions.ts#openCaseAction": {
    kind: "foreign",
    calls: (ids) => [[IDLE, form({ subscriptionId: ids.subscription, reason: "cost" })]],
  },
  "lib/actions/cases.ts#transitionAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, form({ caseId: ids.case, to: "withdrawn", expectedVersion: String(ids.version) })],
    ],
  },
  "lib/actions/cases.ts#updateCaseDetailsAction": {
    kind: "foreign",
    calls: (ids) => [
      [
        IDLE,
        form({ caseId: ids.case, confirmationNumber: "B", expectedVersion: String(ids.version) }),
      ],
    ],
  },
  "lib/actions/notes.ts#saveNoteAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, note({ caseId: ids.case })],
      [IDLE, note({ caseId: ids.case, noteId: ids.note })],
    ],
  },
  "lib/actions/checklist.ts#setCheckAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, form({ caseId: ids.case, item: "device_returned", done: "true" })],
      [IDLE, form({ caseId: ids.case, item: "device_returned", done: "false" })],
    ],
  },
  "lib/actions/notes.ts#deleteNoteAction": {
    kind: "foreign",
    calls: (ids) => [[ids.note, ids.case]],
  },
  "lib/actions/receipts.ts#deleteReceiptAction": {
    kind: "foreign",
    calls: (ids) => [[ids.receipt, ids.case]],
  },
  "lib/actions/charges.ts#reopenForChargeAction": {
    kind: "foreign",
    calls: (ids) => [
      [
        IDLE,
        form({
          caseId: ids.case,
          transactionId: ids.transaction,
          expectedVersion: String(ids.version),
        }),
      ],
    ],
  },
  "lib/actions/charges.ts#statementDateAction": {
    kind: "foreign",
    calls: (ids) => [
      [
        IDLE,
        form({ transactionId: ids.transaction, statementDate: "2026-12-05", caseId: ids.case }),
      ],
    ],
  },
  "lib/actions/charges.ts#expectedFinalBillAction": {
    kind: "foreign",
    calls: (ids) => [
      [
        IDLE,
        form({
          caseId: ids.case,
          expectedFinalBill: "30",
          currency: "USD",
          expectedVersion: String(ids.version),
        }),
      ],
    ],
  },
  "lib/actions/playbooks.ts#reportOutOfDateAction": { kind: "self" },
  "lib/actions/playbooks.ts#deleteCorrectionAction": {
    kind: "foreign",
    calls: (ids) => [["example-mobile", ids.correction]],
  },
  "lib/actions/charges.ts#deleteImportAction": {
    kind: "foreign",
    calls: (ids) => [[ids.statementImport]],
  },
  // Disputes (issue 34): A's charge and A's dispute of it.
  "lib/actions/disputes.ts#fileDisputeAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, form({ transactionId: ids.transaction, filedOn: "2026-12-01", channel: "online" })],
    ],
  },
  "lib/actions/disputes.ts#updateDisputeAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, form({ disputeId: ids.dispute, status: "withdrawn", resolvedOn: "2026-12-02" })],
    ],
  },
  "lib/actions/accounts.ts#updateAccountAction": {
    kind: "foreign",
    calls: (ids) => [
      [IDLE, form({ accountId: ids.account, accountKind: "bank_account", holderName: "B" })],
    ],
  },
};

/** Everything of A's that an action could touch, as A sees it. */
async function snapshotOf(request: APIRequestContext, auth: Record<string, string>, ids: Ids) {
  const get = async (url: string) => {
    const response = await request.get(url, { headers: auth });
    expect(response.status(), url).toBe(200);
    return response.text();
  };
  return [
    await get("/api/v1/me"),
    await get(`/api/v1/subscriptions?limit=100`),
    await get(`/api/v1/cases?limit=100`),
    await get(`/api/v1/cases/${ids.case}`),
    await get(`/api/v1/imports/${ids.statementImport}`),
    await get(`/api/v1/transactions?limit=100`),
    await get("/api/v1/playbooks/example-mobile/corrections"),
    await get(`/api/v1/disputes/${ids.dispute}`),
    await get(`/api/v1/accounts/${ids.account}`),
  ].join("\n");
}

function idOf(table: "ApiToken" | "Session", userId: string): string {
  const db = new Database(path.resolve("test-data/e2e/cancelcase.db"), { readonly: true });
  try {
    return (db.prepare(`SELECT id FROM ${table} WHERE userId = ?`).get(userId) as { id: string })
      .id;
  } finally {
    db.close();
  }
}

test("every server action has an entry in the access-control matrix, and the build has them all", () => {
  const actions = sourceActions();
  expect(actions).toEqual(Object.keys(MATRIX).sort());
  expect(Object.keys(builtActionIds()).sort()).toEqual(actions);
});

test("as user B against user A's ids every action answers not found; anonymous calls are sent to log in; A's data is unchanged", async ({
  playwright,
  request,
  baseURL,
}) => {
  const a = await apiUser(request);
  const bUser = await apiUser(request);
  const {
    sub,
    kase,
    note: aNote,
    receipt,
  } = await apiCase(request, a.auth, {
    noteSummary: "secret plan",
    receipt: PDF,
  });
  const me = await (await request.get("/api/v1/me", { headers: a.auth })).json();
  const statement = await request.post("/api/v1/imports", {
    headers: a.auth,
    multipart: {
      account: "A's card",
      file: CHASE_STATEMENT,
    },
  });
  expect(statement.status()).toBe(201);
  const lines = await (await request.get("/api/v1/transactions", { headers: a.auth })).json();
  const corrected = await request.post("/api/v1/playbooks/example-mobile/corrections", {
    headers: a.auth,
    data: { factPath: "refunds", note: "secret plan: A's correction" },
  });
  expect(corrected.status()).toBe(201);
  const filed = await request.post(`/api/v1/transactions/${lines.items[0].id}/dispute`, {
    headers: a.auth,
    data: { filedOn: "2026-12-01", channel: "phone", reference: "secret-ref" },
  });
  expect(filed.status()).toBe(201);
  // A signed-in browser of A's, for B to try to sign out.
  const aBrowser = await sessionFor(playwright, baseURL!, a.email);
  const ids: Ids = {
    subscription: sub.id,
    case: kase.id,
    version: kase.version,
    note: aNote.id,
    receipt: receipt.id,
    token: idOf("ApiToken", me.id),
    session: idOf("Session", me.id),
    statementImport: (await statement.json()).id,
    transaction: lines.items[0].id,
    correction: (await corrected.json()).id,
    dispute: (await filed.json()).id,
    account: (await (await request.get("/api/v1/accounts", { headers: a.auth })).json()).items[0]
      .id,
  };
  const before = await snapshotOf(request, a.auth, ids);
  const b = await sessionFor(playwright, baseURL!, bUser.email);
  const anonymous = await playwright.request.newContext({ baseURL });
  const revokedUser = await apiUser(request);
  const revoked = await sessionFor(playwright, baseURL!, revokedUser.email);
  const logoutEverywhere = builtActionIds()["lib/actions/settings.ts#logoutEverywhereAction"]!;
  await callAction(revoked, logoutEverywhere, [], "/dashboard");
  const actionIds = builtActionIds();

  let calls = 0;
  for (const [action, entry] of Object.entries(MATRIX)) {
    const id = actionIds[action]!;
    if (entry.kind === "public") continue;
    const argsList =
      entry.kind === "foreign" ? entry.calls(ids) : [[IDLE, form({ password: PASSWORD })]];
    for (const args of argsList) {
      for (const [who, context] of [
        ["anonymous", anonymous],
        ["revoked session", revoked],
      ] as const) {
        const refused = await callAction(context, id, args, "/dashboard");
        // An action's redirect("/login?callbackUrl=…") is a 200 with x-action-redirect.
        expect([200, 303, 307], `${who} ${action}`).toContain(refused.status);
        expect(refused.redirect, `${who} ${action}`).toMatch(/^(http:\/\/[^/]+)?\/login/);
        expect(refused.body, `${who} ${action}`).not.toContain("secret plan");
        calls++;
      }
      if (entry.kind !== "foreign") continue;
      const asB = await callAction(b, id, args, "/dashboard");
      expect(asB.status, `B ${action}`).toBe(200);
      expect(asB.redirect, `B ${action}`).toBeNull();
      expect(asB.body, `B ${action}`).toContain('"status":"error"');
      expect(asB.body, `B ${action}`).toMatch(
        /common\.notFound|not_found|errors\.\w*[Nn]ot[Ff]ound|"fields"/,
      );
      expect(asB.body, `B ${action}`).not.toContain("secret plan");
      calls++;
    }
  }
  console.log(`action matrix: ${calls} calls`);
  expect(await snapshotOf(request, a.auth, ids)).toBe(before);
  // A's API token was not revoked by B, nor A's browser signed out.
  expect((await request.get("/api/v1/me", { headers: a.auth })).status()).toBe(200);
  expect((await aBrowser.get("/api/v1/me")).status()).toBe(200);
  await Promise.all([b.dispose(), anonymous.dispose(), revoked.dispose(), aBrowser.dispose()]);
});
