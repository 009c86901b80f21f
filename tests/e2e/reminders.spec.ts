import { expect, test } from "@playwright/test";
import { startChannelServer } from "../support/channel-server";
import { isSecurityNotice, startSmtpServer } from "../support/smtp";
import { logIn, ready, uniqueEmail } from "./helpers";
import { userWithReminders } from "./reminder-user";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Reminders by email through a real SMTP server, from servers whose
// scheduler ticks every second (users: ./reminder-user.ts).
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const FAST = { REMINDER_TICK_SECONDS: "1", SIGNUPS_PER_HOUR: "100" };

test.beforeAll(async () => {
  smtp = await startSmtpServer({ ignore: isSecurityNotice });
});
test.afterAll(async () => {
  await smtp?.close();
});

test.describe("reminder emails", () => {
  // One server for these tests, so one worker (two would wipe each other's data folder).
  test.describe.configure({ mode: "serial" });
  let app: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(START_HOOK_TIMEOUT_MS);
    app = await startOwnServer("reminders-mail", {
      ...FAST,
      SMTP_URL: smtp.url,
      MAIL_FROM: "CancelCase <reminders@cancel.example>",
    });
  });
  test.afterAll(async () => app?.stop());

  test("the digest arrives in English and in Chinese with the day's items and links", async ({
    request,
  }) => {
    const en = await userWithReminders(request, app.url, "en");
    const zh = await userWithReminders(request, app.url, "zh-CN");

    const english = await smtp.next(en.email, 20_000);
    expect(english.email.subject).toMatch(/^CancelCase: 2 reminders for /);
    const text = english.email.text ?? "";
    expect(text).toContain("Hello Ada,");
    expect(text).toContain("Mint Mobile: follow up today.");
    expect(text).toMatch(/Hulu renews on .+, in 7 days\. Cancel before then/);
    expect(text).toContain(`${app.url}/cases/${en.kase.id}`);
    expect(text).toContain(`${app.url}/subscriptions/${en.plan.id}`);
    expect(english.email.html).toContain(`href="${app.url}/cases/${en.kase.id}"`);
    expect(english.email.from?.address).toBe("reminders@cancel.example");

    const chinese = await smtp.next(zh.email, 20_000);
    expect(chinese.email.subject).toMatch(/^CancelCase：\d{4}年\d{1,2}月\d{1,2}日 有 2 条提醒$/);
    expect(chinese.email.text).toContain("Mint Mobile：今天该跟进了");
    expect(chinese.email.text).toContain("Hulu 将于");
    expect(chinese.email.text).toContain("（还有 7 天）");
    expect(chinese.email.html).toContain("打开取消记录");

    // One digest each, however many ticks pass.
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.to(en.email)).toHaveLength(1);
    expect(smtp.to(zh.email)).toHaveLength(1);

    // The list says what went out.
    const list = await request.get(`${app.url}/api/v1/notifications`, { headers: en.headers });
    const items = (await list.json()).items as { kind: string; channel: string; status: string }[];
    expect(items.map((n) => `${n.kind}/${n.channel}/${n.status}`).sort()).toEqual([
      "follow_up/email/sent",
      "renewal/email/sent",
    ]);
  });

  test("Settings → Notifications sends a test at once and says so in the page's language; the API too", async ({
    browser,
    request,
  }) => {
    // In Chinese, through the page.
    const context = await browser.newContext({ baseURL: app.url, locale: "zh-CN" });
    const page = await context.newPage();
    const email = uniqueEmail("test-zh").toLowerCase();
    await page.goto("/register");
    await ready(page);
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("注册账号");
    await ready(page);
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("一段足够长的测试密码");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/settings#notifications");
    await ready(page);
    await page.getByRole("button", { name: "发送测试" }).click();
    await expect(page.getByTestId("notification-test-result")).toHaveText(
      "邮件：已发送，请查看是否收到。",
    );
    const chinese = await smtp.next(email, 20_000);
    expect(chinese.email.subject).toBe("CancelCase：测试消息");
    expect(chinese.email.text).toContain("设置 → 通知");
    await context.close();

    // In English, through the API: the same message, and a limit on how often.
    const en = await userWithReminders(request, app.url, "en", "23:59");
    const test = () =>
      request.post(`${app.url}/api/v1/me/notifications/test`, { headers: en.headers });
    const answer = await test();
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ results: [{ channel: "email", ok: true }] });
    const english = await smtp.next(en.email, 20_000);
    expect(english.email.subject).toBe("CancelCase: a test message");
    for (let i = 1; i < 5; i++) expect((await test()).status()).toBe(200);
    const refused = await test();
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  });

  test("a follow-up set for today after the digest went out arrives within a tick, once", async ({
    request,
  }) => {
    const user = await userWithReminders(request, app.url, "en");
    const digest = await smtp.next(user.email, 20_000);
    expect(digest.email.subject).toMatch(/2 reminders/);
    const api = (path: string) => `${app.url}${path}`;
    const today = (
      await (
        await request.get(api(`/api/v1/cases/${user.kase.id}`), {
          headers: user.headers,
        })
      ).json()
    ).nextFollowUpOn as string;
    // Later that day: a case on the Hulu plan, to be followed up today.
    const kase = await (
      await request.post(api("/api/v1/cases"), {
        headers: user.headers,
        data: { subscriptionId: user.plan.id, reason: "cost" },
      })
    ).json();
    const patched = await request.patch(api(`/api/v1/cases/${kase.id}`), {
      headers: user.headers,
      data: { nextFollowUpOn: today, expectedVersion: 1 },
    });
    expect(patched.status()).toBe(200);
    await expect.poll(() => smtp.to(user.email).length, { timeout: 20_000 }).toBe(2);
    // One reminder: a short subject (issue 36), the sentence in the body.
    const followUp = smtp.to(user.email)[1]!.email;
    expect(followUp.subject).toBe("Follow up with Hulu");
    expect(followUp.text).toContain("Hulu: follow up today.");
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.to(user.email)).toHaveLength(2);
  });

  test("a subscription's lead times and notice period from its form; a sent reminder snoozed, then done", async ({
    browser,
    request,
  }) => {
    const user = await userWithReminders(request, app.url, "en");
    await smtp.next(user.email, 20_000);
    const context = await browser.newContext({ baseURL: app.url, locale: "en-US" });
    const page = await context.newPage();
    await logIn(page, user.email);
    await expect(page).toHaveURL(/\/dashboard$/);

    // The form: lead times typed loosely are kept sorted; the notice gives a cancel-by day.
    await page.goto(`/subscriptions/${user.plan.id}/edit`);
    await ready(page);
    await page.getByLabel("Renewal reminders (days before)").fill("1, 30 ,7");
    await page.getByLabel("Notice period (days)").fill("3");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("lead-times")).toHaveText("30, 7, 1");
    await expect(page.getByTestId("cancel-by")).toContainText("3 days");
    const saved = await (
      await request.get(`${app.url}/api/v1/subscriptions/${user.plan.id}`, {
        headers: user.headers,
      })
    ).json();
    expect(saved).toMatchObject({ remindDaysBefore: [30, 7, 1], noticeDays: 3 });
    // Nonsense is said beside the field and nothing changes.
    await page.goto(`/subscriptions/${user.plan.id}/edit`);
    await ready(page);
    await page.getByLabel("Renewal reminders (days before)").fill("7, 400");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#remindDaysBefore-error")).toBeVisible();
    await expect(page.getByLabel("Renewal reminders (days before)")).toHaveValue("7, 400");

    // The list: snooze the renewal a week, then mark the follow-up done.
    await page.goto("/notifications");
    await ready(page);
    const rows = page.getByTestId("notification-list").locator("li");
    await expect(rows).toHaveCount(2);
    const renewal = rows.filter({ hasText: "Hulu renews" });
    await renewal.getByRole("button", { name: "Snooze a week" }).click();
    await expect(renewal.getByTestId("snoozed-until")).toBeVisible();
    const followUp = rows.filter({ hasText: "follow up" });
    await followUp.getByRole("button", { name: "Done" }).click();
    await expect(followUp.getByTestId("reminder-controls")).toHaveCount(0);
    const items = (
      await (await request.get(`${app.url}/api/v1/notifications`, { headers: user.headers })).json()
    ).items as { kind: string; snoozedUntil: string | null; acknowledgedAt: string | null }[];
    const byKind = Object.fromEntries(items.map((n) => [n.kind, n]));
    expect(byKind.renewal!.snoozedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byKind.renewal!.acknowledgedAt).toBeNull();
    expect(byKind.follow_up!.acknowledgedAt).not.toBeNull();
    await context.close();
  });

  test("one-click unsubscribe works without a session (RFC 8058), and from the page", async ({
    request,
    browser,
  }) => {
    const user = await userWithReminders(request, app.url, "en");
    const mail = await smtp.next(user.email, 20_000);
    const header = mail.email.headers.find((h) => h.key === "list-unsubscribe")?.value ?? "";
    const post = mail.email.headers.find((h) => h.key === "list-unsubscribe-post")?.value;
    expect(post).toBe("List-Unsubscribe=One-Click");
    const oneClick = /^<(https?:\/\/[^>]+)>$/.exec(header)?.[1];
    expect(oneClick, header).toBeTruthy();

    // A forged token does nothing.
    const forged = await fetch(oneClick!.replace(/.{4}$/, "AAAA"), {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(forged.status).toBe(404);
    const settings = () =>
      request
        .get(`${app.url}/api/v1/me/notifications`, { headers: user.headers })
        .then((r) => r.json());
    expect((await settings()).channels.email).toBe(true);

    // The mail client's POST: no cookie, no token.
    const answer = await fetch(oneClick!, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(200);
    expect((await settings()).channels.email).toBe(false);

    // The link in the body: opening it changes nothing, its button does.
    await request.patch(`${app.url}/api/v1/me/notifications`, {
      headers: user.headers,
      data: { channels: { email: true } },
    });
    const pageUrl = /(https?:\/\/\S+\/unsubscribe\/\S+)/.exec(mail.email.text ?? "")?.[1];
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(pageUrl!);
    expect((await settings()).channels.email).toBe(true);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByTestId("unsubscribed")).toBeVisible();
    expect((await settings()).channels.email).toBe(false);
    await page.close();
  });
});

test.describe("exactly once", () => {
  test("two server processes on one database send each digest once", async ({ request }) => {
    // Two servers of its own to start: on a loaded machine that alone can take a minute.
    test.setTimeout(180_000);
    const first = await startOwnServer("reminders-twice", { ...FAST, SMTP_URL: smtp.url });
    const second = await startOwnServer(
      "reminders-twice",
      { ...FAST, SMTP_URL: smtp.url },
      {
        fresh: false,
      },
    );
    try {
      const users = await Promise.all(
        [first, second, first, second].map((app, i) =>
          userWithReminders(request, app.url, i % 2 ? "zh-CN" : "en"),
        ),
      );
      // Two servers on one SQLite file, on a loaded machine: a minute each at most.
      for (const user of users) await smtp.next(user.email, 60_000);
      await new Promise((r) => setTimeout(r, 4000));
      for (const user of users) expect(smtp.to(user.email), user.email).toHaveLength(1);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  test("a server killed between claim and send: the reminder goes later, once", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    smtp.stall(true);
    const stalledBefore = smtp.stalledCount();
    let first: OwnServer | null = await startOwnServer("reminders-kill", {
      ...FAST,
      SMTP_URL: smtp.url,
    });
    let second: OwnServer | null = null;
    try {
      const user = await userWithReminders(request, first.url, "en");
      // The first server has claimed the digest and is in the middle of sending it.
      await expect
        .poll(() => smtp.stalledCount(), { timeout: 30_000 })
        .toBeGreaterThan(stalledBefore);
      await first.kill();
      first = null;
      smtp.stall(false);
      second = await startOwnServer(
        "reminders-kill",
        { ...FAST, SMTP_URL: smtp.url },
        { fresh: false },
      );
      // Its claim holds for a minute, then the second server takes it.
      const mail = await smtp.next(user.email, 120_000);
      expect(mail.email.subject).toMatch(/2 reminders/);
      await new Promise((r) => setTimeout(r, 4000));
      expect(smtp.to(user.email)).toHaveLength(1);
      const list = await request.get(`${second.url}/api/v1/notifications`, {
        headers: user.headers,
      });
      const items = (await list.json()).items as { status: string; attempts: number }[];
      expect(items.map((n) => [n.status, n.attempts])).toEqual([
        ["sent", 2],
        ["sent", 2],
      ]);
    } finally {
      smtp.stall(false);
      await first?.kill();
      await second?.stop();
    }
  });

  test("a server killed while a channel hangs mid-send: the restarted server sends it once more, once", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    const ntfy = await startChannelServer();
    const env = { ...FAST, OUTBOUND_ALLOWED_HOSTS: ntfy.host };
    ntfy.stall(true);
    let first: OwnServer | null = await startOwnServer("reminders-channel-kill", env);
    let second: OwnServer | null = null;
    try {
      const user = await userWithReminders(
        request,
        first.url,
        "zh-CN",
        "00:00",
        async (headers) => {
          const added = await request.post(`${first!.url}/api/v1/me/channels`, {
            headers,
            data: { kind: "ntfy", name: "手机", target: `${ntfy.base}/cc-kill` },
          });
          expect(added.status(), await added.text()).toBe(201);
        },
      );
      // The first server claimed the digest for the channel and hangs in the send.
      await expect.poll(() => ntfy.seen.length, { timeout: 30_000 }).toBe(1);
      await first.kill();
      first = null;
      ntfy.stall(false);
      second = await startOwnServer("reminders-channel-kill", env, { fresh: false });
      // Its claim holds for a minute, then the second server takes it: one more request.
      await expect.poll(() => ntfy.answered(), { timeout: 120_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 4000));
      expect(ntfy.seen).toHaveLength(2);
      expect(ntfy.answered()).toBe(1);
      expect(ntfy.seen[1]!.body).toContain("Hulu");
      const list = await request.get(`${second.url}/api/v1/notifications`, {
        headers: user.headers,
      });
      const items = (await list.json()).items as {
        channel: string;
        channelName: string;
        status: string;
        attempts: number;
      }[];
      expect(items.map((n) => [n.channel, n.channelName, n.status, n.attempts])).toEqual([
        ["ntfy", "手机", "sent", 2],
        ["ntfy", "手机", "sent", 2],
      ]);
    } finally {
      await first?.kill();
      await second?.stop();
      await ntfy.close();
    }
  });
});
