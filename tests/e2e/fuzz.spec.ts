import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { PDF } from "./files";
import { apiUser, LEAKS, MOBILE_PLAN } from "./helpers";

// Arbitrary JSON, wrong types, huge strings, Unicode, __proto__ keys, malformed
// JSON and bad ids thrown at every JSON endpoint: never a 5xx, never a stack
// trace, SQL or file path in the answer, and a refused request writes nothing.

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "provider",
      "to",
      "amount",
      "summary",
      "expectedVersion",
    ),
    fc.jsonValue(),
  ),
  fc.record({
    provider: fc.oneof(
      fc.string({ minLength: 5000, maxLength: 20000 }),
      fc.string({ unit: "grapheme" }),
    ),
    amount: fc.oneof(fc.double(), fc.bigInt().map(String), fc.constant(Number.MAX_SAFE_INTEGER)),
    currency: fc.string({ maxLength: 5 }),
  }),
  fc.record({
    to: fc.string(),
    expectedVersion: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
    comment: fc.string({ unit: "binary" }),
  }),
);
const badId = fc.oneof(
  fc.string({ minLength: 0, maxLength: 80 }),
  fc.constantFrom("..%2F..%2Fetc", "'; DROP TABLE User;--", "%00", "a".repeat(300)),
);

type Target = { method: string; url: (id: string) => string };

async function snapshot(
  request: APIRequestContext,
  auth: Record<string, string>,
  ids: { sub: string; kase: string },
) {
  const sub = await (
    await request.get(`/api/v1/subscriptions/${ids.sub}`, { headers: auth })
  ).text();
  const kase = await (await request.get(`/api/v1/cases/${ids.kase}`, { headers: auth })).text();
  const subs = await (
    await request.get(`/api/v1/subscriptions?limit=100`, { headers: auth })
  ).text();
  return sub + kase + subs;
}

test("hostile input at every JSON endpoint: no 5xx, no internals, nothing written on refusal", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const { auth } = await apiUser(request);
  const sub = (
    await (await request.post("/api/v1/subscriptions", { headers: auth, data: MOBILE_PLAN })).json()
  ).id;
  const kase = (
    await (
      await request.post("/api/v1/cases", {
        headers: auth,
        data: { subscriptionId: sub, reason: "cost" },
      })
    ).json()
  ).id;
  const note = (
    await (
      await request.post(`/api/v1/cases/${kase}/notes`, {
        headers: auth,
        data: { channel: "phone", occurredAt: "2026-11-20T10:00:00Z", summary: "s" },
      })
    ).json()
  ).id;
  const receipt = (
    await (
      await request.post(`/api/v1/cases/${kase}/receipts`, {
        headers: auth,
        multipart: {
          kind: "other",
          file: { name: "x.pdf", mimeType: "application/pdf", buffer: PDF },
        },
      })
    ).json()
  ).id;
  const own: Record<string, string> = { sub, kase, note, receipt };

  const targets: (Target & { own?: string })[] = [
    { method: "POST", url: () => "/api/v1/auth/register" },
    { method: "POST", url: () => "/api/v1/auth/token" },
    { method: "POST", url: () => "/api/v1/auth/password-reset" },
    { method: "POST", url: () => "/api/v1/auth/password-reset/confirm" },
    { method: "GET", url: (id) => `/api/v1/search?q=${encodeURIComponent(id)}` },
    { method: "PATCH", url: () => "/api/v1/me/notifications" },
    { method: "POST", url: () => "/api/v1/me/push-subscriptions" },
    { method: "DELETE", url: () => "/api/v1/me/push-subscriptions" },
    { method: "GET", url: (id) => `/api/v1/notifications?cursor=${encodeURIComponent(id)}` },
    {
      method: "GET",
      url: (id) =>
        `/api/v1/transactions?cursor=${encodeURIComponent(id)}&flagged=${encodeURIComponent(id)}&subscriptionId=${encodeURIComponent(id)}`,
    },
    { method: "GET", url: (id) => `/api/v1/imports/${encodeURIComponent(id)}` },
    { method: "PATCH", url: (id) => `/api/v1/transactions/${encodeURIComponent(id)}` },
    {
      method: "GET",
      url: (id) => `/api/v1/cases/${id}/dispute-pack?format=${encodeURIComponent(id)}`,
      own: "kase",
    },
    { method: "DELETE", url: (id) => `/api/v1/imports/${encodeURIComponent(id)}` },
    { method: "POST", url: () => "/api/v1/imports" },
    { method: "POST", url: () => "/api/v1/subscriptions/import" },
    { method: "POST", url: (id) => `/api/unsubscribe/${encodeURIComponent(id)}` },
    { method: "POST", url: () => "/api/v1/subscriptions" },
    { method: "PATCH", url: (id) => `/api/v1/subscriptions/${id}`, own: "sub" },
    { method: "POST", url: () => "/api/v1/cases" },
    { method: "PATCH", url: (id) => `/api/v1/cases/${id}`, own: "kase" },
    { method: "POST", url: (id) => `/api/v1/cases/${id}/transitions`, own: "kase" },
    { method: "POST", url: (id) => `/api/v1/cases/${id}/notes`, own: "kase" },
    { method: "PATCH", url: (id) => `/api/v1/notes/${id}`, own: "note" },
    { method: "GET", url: (id) => `/api/v1/receipts/${id}`, own: "receipt" },
    { method: "DELETE", url: (id) => `/api/v1/receipts/${id}` },
    {
      method: "GET",
      url: (id) => `/api/v1/cases?state=${encodeURIComponent(id)}&cursor=${encodeURIComponent(id)}`,
    },
    {
      method: "GET",
      url: (id) => `/api/v1/notes?q=${encodeURIComponent(id)}&limit=${encodeURIComponent(id)}`,
    },
  ];

  let requests = 0;
  let refused = 0;
  for (const target of targets) {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(hostile, badId, fc.boolean(), async (body, randomId, useOwn) => {
        const id = useOwn && target.own ? own[target.own]! : randomId;
        const before = await snapshot(request, auth, { sub, kase });
        const response = await request.fetch(target.url(id), {
          method: target.method,
          headers: auth,
          data: target.method === "GET" ? undefined : body,
        });
        requests++;
        const text = await response.text();
        expect(
          response.status(),
          `${target.method} ${target.url(id)} ${JSON.stringify(body).slice(0, 200)}`,
        ).toBeLessThan(500);
        expect(text).not.toMatch(LEAKS);
        if (response.status() >= 400) {
          refused++;
          // An empty id can turn /resource/:id into /resource/, which Next.js
          // answers itself with 405 (no such method on the collection).
          if (response.status() !== 405)
            expect(JSON.parse(text).error.code).toEqual(expect.any(String));
          expect(await snapshot(request, auth, { sub, kase })).toBe(before);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 20), endOnFailure: true },
    );
    // Malformed JSON and a huge body.
    for (const raw of [
      "{",
      '{"a":',
      "\u0000\u0001",
      "[".repeat(10_000),
      JSON.stringify({ x: "y".repeat(2 * 1024 * 1024) }),
    ]) {
      if (target.method === "GET") continue;
      const response = await request.fetch(target.url(target.own ? own[target.own]! : "x"), {
        method: target.method,
        headers: { ...auth, "content-type": "application/json" },
        data: Buffer.from(raw),
      });
      requests++;
      expect(response.status()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      expect(await response.text()).not.toMatch(LEAKS);
    }
    if (process.env.FUZZ_TIMING)
      console.log(`${target.method} ${target.url(":id")}: ${Date.now() - started} ms`);
  }
  console.log(`fuzz: ${requests} requests, ${refused} refused with 4xx, 0 server errors`);
  expect(requests).toBeGreaterThan(300);
});
