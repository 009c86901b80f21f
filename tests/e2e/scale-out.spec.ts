import { expect, test, type APIRequestContext } from "@playwright/test";
import { scaledEnginesFor, SHARED_SECRETS } from "../support/scaled-engines";
import { isSecurityNotice, startSmtpServer } from "../support/smtp";
import { PDF, sha256, textOfSize } from "./files";
import { MOBILE_PLAN, PASSWORD, uniqueEmail } from "./helpers";
import { userWithReminders } from "./reminder-user";
import { startRoundRobin, type RoundRobin } from "./round-robin";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Issue 32: two instances behind a round-robin proxy behave as one. In the
// sqlite project on the embedded engines (one SQLite file and one receipts
// folder, so one DATA_DIR); in the postgres-s3 project on a database of its
// own and a bucket prefix (tests/support/scaled-engines.ts), each instance
// with a DATA_DIR of its own, as it would be in production.
const SHARED = {
  REMINDER_TICK_SECONDS: "1",
  SIGNUPS_PER_HOUR: "100",
  WEB_CONCURRENCY: "1",
  // What several instances must share (npm start requires them scaled out).
  ...SHARED_SECRETS,
};

test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let proxy: RoundRobin;
const instances: OwnServer[] = [];

test.beforeAll(async () => {
  // Two servers of its own to start: on a loaded machine that alone can take minutes.
  test.setTimeout(2 * START_HOOK_TIMEOUT_MS);
  smtp = await startSmtpServer({ ignore: isSecurityNotice });
  proxy = await startRoundRobin();
  const engines = await scaledEnginesFor(test.info().project.name, "scale-out");
  const env = { ...SHARED, ...engines, SMTP_URL: smtp.url, BASE_URL: proxy.url };
  // Both projects may run this file at once: their DATA_DIRs are apart.
  const dir = engines ? "scale-out-pg" : "scale-out";
  instances.push(await startOwnServer(`${dir}-a`, env));
  instances.push(
    engines
      ? await startOwnServer(`${dir}-b`, env)
      : await startOwnServer(`${dir}-a`, env, { fresh: false }),
  );
  proxy.route(instances.map((instance) => instance.url));
});

test.afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await proxy?.close();
  await smtp?.close();
});

/** Through the proxy to instance `index`. */
const on = (index: number) => ({ "X-Test-Instance": String(index) });

async function signUp(request: APIRequestContext, prefix: string) {
  const email = uniqueEmail(prefix).toLowerCase();
  const registered = await request.post(`${proxy.url}/api/v1/auth/register`, {
    data: { email, password: PASSWORD },
  });
  expect(registered.status()).toBe(201);
  return email;
}

const token = (request: APIRequestContext, email: string, password: string, index: number) =>
  request.post(`${proxy.url}/api/v1/auth/token`, {
    headers: on(index),
    data: { email, password },
  });

test("the 11th wrong password is refused whichever instance it reaches", async ({ request }) => {
  const email = await signUp(request, "guessed");
  const before = proxy.answeredBy.length;
  for (let i = 0; i < 10; i++) {
    const wrong = await request.post(`${proxy.url}/api/v1/auth/token`, {
      data: { email, password: `wrong guess ${i}` },
    });
    expect(wrong.status(), `guess ${i + 1}`).toBe(401);
  }
  // Round robin: five guesses reached each instance.
  const reached = proxy.answeredBy.slice(before);
  expect(reached.filter((index) => index === 0)).toHaveLength(5);
  expect(reached.filter((index) => index === 1)).toHaveLength(5);
  // Even the right password is refused now, on either instance.
  for (const index of [0, 1]) {
    const refused = await token(request, email, PASSWORD, index);
    expect(refused.status(), `instance ${index}`).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  }
});

test("a receipt uploaded through one instance downloads byte-identical through the other", async ({
  request,
}) => {
  const email = await signUp(request, "receipts");
  const issued = await token(request, email, PASSWORD, 0);
  const auth = { Authorization: `Bearer ${(await issued.json()).token}` };
  const sub = await (
    await request.post(`${proxy.url}/api/v1/subscriptions`, { headers: auth, data: MOBILE_PLAN })
  ).json();
  const kase = await (
    await request.post(`${proxy.url}/api/v1/cases`, {
      headers: auth,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();
  const files = [
    { name: "letter.txt", bytes: textOfSize(300 * 1024), from: 0, to: 1 },
    { name: "confirmation.pdf", bytes: PDF, from: 1, to: 0 },
  ];
  for (const { name, bytes, from, to } of files) {
    const uploaded = await request.post(`${proxy.url}/api/v1/cases/${kase.id}/receipts`, {
      headers: { ...auth, ...on(from) },
      multipart: {
        kind: "confirmation",
        file: { name, mimeType: "application/octet-stream", buffer: bytes },
      },
    });
    expect(uploaded.status(), name).toBe(201);
    const receipt = await uploaded.json();
    const download = await request.get(`${proxy.url}/api/v1/receipts/${receipt.id}/download`, {
      headers: { ...auth, ...on(to) },
    });
    expect(download.status(), name).toBe(200);
    expect(sha256(await download.body()), name).toBe(sha256(bytes));
  }
});

test("a browser session made through one instance is good on the other", async ({ request }) => {
  const email = await signUp(request, "session");
  // next-auth's sign-in: the CSRF cookie from one instance, the form to the
  // other (both are signed with the one NEXTAUTH_SECRET), then the session.
  const csrf = await fetch(`${proxy.url}/api/auth/csrf`, { headers: on(0) });
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${proxy.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...on(1),
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: csrfCookie,
    },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = login.headers
    .getSetCookie()
    .find((c) => c.includes("session-token="))
    ?.split(";")[0];
  expect(session).toBeDefined();
  for (const index of [0, 1]) {
    const me = await request.get(`${proxy.url}/api/v1/me`, {
      headers: { ...on(index), Cookie: session! },
    });
    expect(me.status(), `instance ${index}`).toBe(200);
    expect((await me.json()).email).toBe(email);
  }
});

test("a reminder is sent once though both instances run the scheduler", async ({ request }) => {
  // Set up through the proxy: the requests alternate between the instances.
  const users = [
    await userWithReminders(request, proxy.url, "en"),
    await userWithReminders(request, proxy.url, "zh-CN"),
  ];
  for (const user of users) await smtp.next(user.email, 30_000);
  // Several ticks of both schedulers later, still one digest each.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  for (const user of users) expect(smtp.to(user.email), user.email).toHaveLength(1);
});
