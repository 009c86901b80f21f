import { expect, test } from "@playwright/test";
import path from "node:path";
import { browserKeys, decryptPush, startPushService, verifyVapid } from "../support/push-service";
import { MOBILE_PLAN } from "../support/fixtures";
import { PASSWORD, uniqueEmail } from "./helpers";
import { userWithReminders } from "./reminder-user";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Web Push end to end: the subscription is stored, a reminder goes out as an
// RFC 8291 message that only the subscription's keys decrypt, signed with the
// server's VAPID key; and the installed app's share target attaches a file.
// One server for both tests: they run one after the other, in one worker.
test.describe.configure({ mode: "serial" });

let push: Awaited<ReturnType<typeof startPushService>>;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  push = await startPushService(path.resolve("test-data/push-service"));
  app = await startOwnServer("push", {
    NODE_EXTRA_CA_CERTS: push.caFile,
    REMINDER_TICK_SECONDS: "1",
    SIGNUPS_PER_HOUR: "100",
    PUSH_ALLOWED_ORIGINS: push.origin,
    // The local push service is on loopback, which the outbound guard refuses unless allowed.
    OUTBOUND_ALLOWED_HOSTS: new URL(push.origin).host,
  });
});
test.afterAll(async () => {
  await app?.stop();
  await push?.close();
});

test("a reminder reaches the phone as an encrypted push message", async ({ request }) => {
  const keys = browserKeys();
  // Subscribed before the day is planned (a 23:00 digest), so the reminder goes by push.
  const user = await userWithReminders(request, app.url, "zh-CN", "23:00");
  const subscribe = (endpoint: string) =>
    request.post(`${app.url}/api/v1/me/push-subscriptions`, {
      headers: user.headers,
      data: { endpoint, expirationTime: null, keys: keys.json },
    });

  // The server only calls push services: never an address a user makes up.
  for (const endpoint of [
    "http://169.254.169.254/latest/meta-data",
    "https://fcm.googleapis.com.evil.example/x",
    "http://fcm.googleapis.com/fcm/send/x",
    `${app.url}/api/v1/me`,
  ]) {
    const refused = await subscribe(endpoint);
    expect(refused.status(), endpoint).toBe(400);
    expect((await refused.json()).error.fieldCodes.endpoint).toEqual(["push_endpoint_invalid"]);
  }
  const badKeys = await request.post(`${app.url}/api/v1/me/push-subscriptions`, {
    headers: user.headers,
    data: { endpoint: `${push.origin}/push/x`, keys: { p256dh: "AAAA", auth: "AAAA" } },
  });
  expect(badKeys.status()).toBe(400);

  expect((await subscribe(`${push.origin}/push/device-1`)).status()).toBe(201);
  const settings = await (
    await request.get(`${app.url}/api/v1/me/notifications`, { headers: user.headers })
  ).json();
  expect(settings.pushDevices).toBe(1);
  expect(settings.emailAvailable).toBe(false);

  await request.patch(`${app.url}/api/v1/me/notifications`, {
    headers: user.headers,
    data: { digestTime: "00:00" },
  });
  await expect.poll(() => push.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const message = push.received[0]!;
  expect(message.path).toBe("/push/device-1");
  expect(message.headers["content-encoding"]).toBe("aes128gcm");
  expect(Number(message.headers.ttl)).toBeGreaterThan(0);
  verifyVapid(String(message.headers.authorization), settings.pushPublicKey, push.origin);

  const payload = JSON.parse(decryptPush(message.body, keys));
  expect(payload.title).toBe("CancelCase");
  expect(payload.body).toContain("Mint Mobile：今天该跟进了");
  expect(payload.body).toContain("另有 1 条提醒");
  expect(payload.url).toBe(`${app.url}/notifications`);
  // Another browser's keys cannot read it.
  expect(() => decryptPush(message.body, browserKeys())).toThrow();

  const list = await (
    await request.get(`${app.url}/api/v1/notifications`, { headers: user.headers })
  ).json();
  expect(
    list.items.map((n: { channel: string; status: string }) => `${n.channel}/${n.status}`),
  ).toEqual(["push/sent", "push/sent"]);
});

test("a file shared to the installed app is attached to the chosen case", async ({
  browser,
  request,
}) => {
  const email = uniqueEmail("share");
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  expect(
    (
      await page.request.post(`${app.url}/api/v1/auth/register`, {
        data: { email, password: PASSWORD },
      })
    ).status(),
  ).toBe(201);
  const token = (
    await (
      await request.post(`${app.url}/api/v1/auth/token`, { data: { email, password: PASSWORD } })
    ).json()
  ).token;
  const headers = { Authorization: `Bearer ${token}` };
  const sub = await (
    await request.post(`${app.url}/api/v1/subscriptions`, {
      headers,
      data: MOBILE_PLAN,
    })
  ).json();
  const kase = await (
    await request.post(`${app.url}/api/v1/cases`, {
      headers,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();

  await page.goto(`${app.url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The manifest offers the share target; the service worker takes the share.
  const manifest = await (await page.request.get(`${app.url}/manifest.webmanifest`)).json();
  expect(manifest.share_target).toMatchObject({ action: "/share", method: "POST" });
  await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);

  // What the share sheet does: a multipart POST of the file to /share.
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/share";
    form.enctype = "multipart/form-data";
    const input = document.createElement("input");
    input.type = "file";
    input.name = "file";
    const png = Uint8Array.from(
      atob(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      ),
      (c) => c.charCodeAt(0),
    );
    const transfer = new DataTransfer();
    transfer.items.add(new File([png], "Visible confirmation.png", { type: "image/png" }));
    input.files = transfer.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  });
  await expect(page).toHaveURL(/\/share\?files=1$/);
  await expect(page.getByTestId("share-receipt")).toContainText("Visible confirmation.png");
  await page.getByLabel("Which case?").selectOption({ label: "Visible" });
  await page.getByLabel("What is it?").selectOption("confirmation");
  await page.getByRole("button", { name: "Attach to the case" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}$`));
  await expect(page.getByText("Visible confirmation.png").first()).toBeVisible();

  const receipts = await (
    await request.get(`${app.url}/api/v1/cases/${kase.id}/receipts`, { headers })
  ).json();
  expect(
    receipts.items.map((r: { fileName: string; kind: string }) => [r.fileName, r.kind]),
  ).toEqual([["Visible confirmation.png", "confirmation"]]);
  // Nothing is left waiting: opening /share again says so.
  await page.goto(`${app.url}/share`);
  await expect(page.getByTestId("share-empty")).toBeVisible();
  await context.close();
});
