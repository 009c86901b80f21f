import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { builtActionIds, callAction, sessionFor } from "./actions";
import { PDF } from "./files";
import { apiCase, apiUser, LEAKS } from "./helpers";

// Hostile arguments thrown at every server action, as a signed-in user
// against their own data: wrong types and arity, arbitrary JSON, huge and
// odd Unicode strings, __proto__ field names, bad ids. Never a 5xx, never an
// unhandled error (an RSC error row), never internals in the answer; and a
// refused call changes nothing.

// The form fields the actions read, plus names that poke at prototypes.
const FIELDS = [
  "id",
  "caseId",
  "noteId",
  "subscriptionId",
  "to",
  "expectedVersion",
  "confirmationNumber",
  "rejectionReason",
  "comment",
  "method",
  "reason",
  "channel",
  "occurredAt",
  "summary",
  "followUpOn",
  "durationMinutes",
  "provider",
  "category",
  "amount",
  "currency",
  "billingCycle",
  "nextRenewalOn",
  "cancelUrl",
  "name",
  "locale",
  "timeZone",
  "email",
  "password",
  "currentPassword",
  "newPassword",
  "confirmEmail",
  "__proto__",
  "constructor",
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.constantFrom(
    "",
    " ",
    "-1",
    "1e309",
    "NaN",
    "9007199254740993",
    "2026-02-30",
    "..%2F..%2Fetc",
    "'; DROP TABLE Note;--",
  ),
);

function formOf(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

type Ids = { sub: string; kase: string; note: string; receipt: string };

function argsFor(ids: Ids) {
  const id = fc.oneof(text, fc.constantFrom(ids.sub, ids.kase, ids.note, ids.receipt));
  const fields = fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(text, id)), {
    maxLength: 12,
  });
  return fc.oneof(
    fc.array(fc.jsonValue(), { maxLength: 3 }),
    fc.tuple(fc.oneof(fc.jsonValue(), fc.constant({ status: "idle" })), fields.map(formOf)),
    fc.tuple(id, id),
    fc.tuple(fields.map(formOf)),
  );
}

/** Everything of the user's that an action could change. */
async function snapshotOf(request: APIRequestContext, auth: Record<string, string>, ids: Ids) {
  const parts = await Promise.all(
    [
      "/api/v1/me",
      "/api/v1/subscriptions?limit=100",
      "/api/v1/cases?limit=100",
      `/api/v1/cases/${ids.kase}`,
    ].map(async (url) => (await request.get(url, { headers: auth })).text()),
  );
  return parts.join("\n");
}

test("hostile arguments at every server action: no 5xx, no unhandled error, no internals, nothing written on refusal", async ({
  playwright,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const user = await apiUser(request);
  const { sub, kase, note, receipt } = await apiCase(request, user.auth, {
    noteSummary: "the original note",
    receipt: PDF,
  });
  const ids: Ids = { sub: sub.id, kase: kase.id, note: note.id, receipt: receipt.id };
  const session = await sessionFor(playwright, baseURL!, user.email);

  // Signing out everywhere takes no input to fuzz, and would end the session under test.
  const actions = Object.entries(builtActionIds()).filter(
    ([name]) => !name.endsWith("#logoutEverywhereAction"),
  );
  let calls = 0;
  let refused = 0;
  let before = await snapshotOf(request, user.auth, ids);
  for (const [name, id] of actions) {
    await fc.assert(
      fc.asyncProperty(argsFor(ids), async (args) => {
        const response = await callAction(session, id, args as unknown[], "/dashboard");
        calls++;
        expect(response.status, name).toBeLessThan(500);
        expect(response.body, name).not.toMatch(LEAKS);
        expect(response.body, `${name}: an unhandled error`).not.toMatch(/^\d+:E\{/m);
        expect(response.redirect ?? "", `${name}: signed out`).not.toMatch(/login/);
        const after = await snapshotOf(request, user.auth, ids);
        if (response.body.includes('"status":"error"')) {
          refused++;
          expect(after, `${name} refused but wrote`).toBe(before);
        }
        before = after;
      }),
      { numRuns: 25 },
    );
  }
  console.log(
    `action fuzz: ${calls} calls to ${actions.length} actions, ${refused} refused with an error state`,
  );
  expect(refused).toBeGreaterThan(calls / 2);
  await session.dispose();
});
