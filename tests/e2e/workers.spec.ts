import { expect, test } from "@playwright/test";
import http from "node:http";
import { PASSWORD, uniqueEmail } from "./helpers";
import { startOwnServer, START_HOOK_TIMEOUT_MS, type OwnServer } from "./server";

// npm start with several worker processes (WEB_CONCURRENCY=2): the cluster
// hands each new connection to the next worker, so requests sent on fresh
// connections are spread over both. What one worker counts, the other sees;
// one worker dying leaves the other serving; writes from both never fail.

test.describe.configure({ mode: "serial" });

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  server = await startOwnServer("workers", { WEB_CONCURRENCY: "2" });
});

test.afterAll(async () => {
  await server?.stop();
});

/** One request on a connection of its own (no keep-alive), so the cluster picks the worker. */
function fresh(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ status: number; json: unknown }> {
  const { hostname, port } = new URL(server.url);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method,
        hostname,
        port,
        path,
        agent: false,
        headers: {
          Connection: "close",
          ...(data ? { "Content-Type": "application/json", "Content-Length": data.length } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: response.statusCode ?? 0, json });
        });
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on("error", reject);
    request.end(data);
  });
}

test("two workers serve, and the login throttle counts across both: the 11th wrong password is 429", async () => {
  expect(server.servingPids()).toHaveLength(2);
  const email = uniqueEmail("workers-throttle");
  expect((await fresh("POST", "/api/v1/auth/register", { email, password: PASSWORD })).status).toBe(
    201,
  );
  // Ten wrong passwords, each on a new connection: five reach each worker.
  for (let i = 0; i < 10; i++) {
    const wrong = await fresh("POST", "/api/v1/auth/token", {
      email,
      password: `wrong guess ${i}`,
    });
    expect(wrong.status, `guess ${i}`).toBe(401);
  }
  // With a count per worker, each would have seen only five.
  for (let i = 0; i < 2; i++) {
    const throttled = await fresh("POST", "/api/v1/auth/token", { email, password: PASSWORD });
    expect(throttled.status).toBe(429);
  }
});

test("writes from both workers at once: 40 notes on 40 connections, all stored, none busy", async () => {
  const email = uniqueEmail("workers-writes");
  await fresh("POST", "/api/v1/auth/register", { email, password: PASSWORD });
  const { json } = await fresh("POST", "/api/v1/auth/token", { email, password: PASSWORD });
  const auth = { Authorization: `Bearer ${(json as { token: string }).token}` };
  const sub = await fresh(
    "POST",
    "/api/v1/subscriptions",
    {
      provider: "Visible",
      category: "mobile",
      amount: 2500,
      currency: "USD",
      billingCycle: "monthly",
    },
    auth,
  );
  const kase = await fresh(
    "POST",
    "/api/v1/cases",
    { subscriptionId: (sub.json as { id: string }).id, reason: "cost" },
    auth,
  );
  const caseId = (kase.json as { id: string }).id;
  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      fresh(
        "POST",
        `/api/v1/cases/${caseId}/notes`,
        {
          channel: "phone",
          occurredAt: "2026-11-20T10:00:00Z",
          summary: `Call ${i} about the cancellation.`,
        },
        auth,
      ).then((r) => r.status),
    ),
  );
  expect(
    statuses.filter((s) => s !== 201),
    JSON.stringify(statuses),
  ).toEqual([]);
  const notes = await fresh("GET", `/api/v1/cases/${caseId}/notes?limit=100`, undefined, auth);
  expect((notes.json as { items: unknown[] }).items).toHaveLength(40);
});

test("kill -9 of one worker: the other serves on, and the dead one is replaced", async () => {
  const [victim, survivor] = server.servingPids();
  process.kill(victim!, "SIGKILL");
  const started = Date.now();
  // A connection handed to the dying worker in the moment before the primary
  // notices can fail or hang (as a request in flight on it would; here it is
  // given up after 2 s); after that, every fresh connection goes to the
  // worker still alive.
  let inARow = 0;
  let failed = 0;
  while (inARow < 10) {
    expect(Date.now() - started, `${failed} failed so far`).toBeLessThan(15_000);
    const ok = await fresh("GET", "/api/ping", undefined, {}, 2000).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) inARow++;
    else {
      failed++;
      inARow = 0;
    }
  }
  console.log(
    `workers: served 10 in a row ${Date.now() - started} ms after one worker died (${failed} failed)`,
  );
  expect(failed).toBeLessThanOrEqual(2);
  await expect
    .poll(() => server.servingPids().filter((pid) => pid !== victim).length, { timeout: 30_000 })
    .toBe(2);
  expect(server.servingPids()).toContain(survivor);
});
