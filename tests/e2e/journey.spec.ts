import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";
import { todayIn } from "@/lib/domain/dates";
import {
  logIn,
  MOBILE_PLAN,
  openCaseThroughUi,
  ready,
  register,
  registerInChinese,
} from "./helpers";

// The journey of issue 12: the record stays right, and nothing typed is lost.
test.use({ timezoneId: "America/Los_Angeles" });

const ORIGIN = () => ({ Origin: `http://localhost:${process.env.E2E_PORT}` });

/** The new-subscription form in the Chinese UI, filled but not sent. */
async function fillSubscriptionInChinese(page: Page, provider: string, price: string) {
  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("服务商").fill(provider);
  await page.getByLabel("每期价格").fill(price);
}

/** The case page's id, from its URL. */
const caseIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

test("a step's comment is saved with that step only, and the box is empty for the next", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Mint Mobile");
  await page.getByLabel("Comment (optional)").fill("Paid the last $15 balance first.");
  await page.getByRole("button", { name: "Mark “Bill checked” done" }).click();
  await expect(page.getByTestId("case-action-message")).toHaveText("Saved: Bill checked.");
  await expect(page.getByLabel("Comment (optional)")).toHaveValue("");
  await page.getByRole("button", { name: "Skip to “Request submitted”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Request submitted");

  const events = page.getByTestId("timeline-event");
  await expect(events.filter({ hasText: "Request submitted" })).not.toContainText("balance");
  await expect(events.filter({ hasText: "Bill checked" })).toContainText(
    "Paid the last $15 balance first.",
  );
});

test("a call logged right after the case was opened comes after it in the history", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Visible");
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  // The form's time is "now", to the second: later than the opening, never before it.
  await expect(page.getByLabel("When")).toHaveValue(/T\d{2}:\d{2}:\d{2}$/);
  await page.getByLabel("What was said").fill("Asked how to cancel; told to use the app.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toHaveCount(1);
  const entries = page.getByTestId("timeline").locator(":scope > li");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Asked how to cancel");
  await expect(entries.last()).toContainText("Case opened");
});

test("a follow-up due today is 'due today' everywhere, and the dashboard counts them all", async ({
  page,
}) => {
  await register(page);
  const today = todayIn("America/Los_Angeles");
  const api = page.request;
  const cases: string[] = [];
  for (let i = 0; i < 22; i++) {
    const sub = await api.post("/api/v1/subscriptions", {
      headers: ORIGIN(),
      data: { ...MOBILE_PLAN, provider: `Carrier ${i}` },
    });
    const kase = await api.post("/api/v1/cases", {
      headers: ORIGIN(),
      data: { subscriptionId: (await sub.json()).id, reason: "cost" },
    });
    const { id } = await kase.json();
    const patched = await api.patch(`/api/v1/cases/${id}`, {
      headers: ORIGIN(),
      data: { nextFollowUpOn: i === 0 ? today : "2026-01-05" },
    });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).followUpStatus).toBe(i === 0 ? "due_today" : "overdue");
    cases.push(id);
  }

  await page.goto("/dashboard");
  await expect(page.getByTestId("stat-follow-ups")).toContainText("22");
  await expect(page.getByRole("link", { name: "See all 22 follow-ups due" })).toBeVisible();

  await page.goto(`/cases/${cases[0]}`);
  const due = page.getByTestId("next-follow-up");
  await expect(due).toContainText("Due today");
  await expect(due).not.toContainText("Overdue");
  await page.goto(`/cases/${cases[1]}`);
  await expect(page.getByTestId("next-follow-up")).toContainText("Overdue");

  const listed = await (await api.get(`/api/v1/cases/${cases[0]}`)).json();
  expect(listed.followUpStatus).toBe("due_today");
});

test("a confirmed case has nothing pending, and its cancelled subscription no renewal", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Hulu");
  const id = caseIdOf(page);
  const api = page.request;
  await api.patch(`/api/v1/cases/${id}`, {
    headers: ORIGIN(),
    data: { nextFollowUpOn: "2026-01-05", confirmationNumber: "HU-1" },
  });
  for (const [to, expectedVersion] of [
    ["bill_checked", 2],
    ["request_submitted", 3],
    ["confirmation_received", 4],
  ] as const) {
    const moved = await api.post(`/api/v1/cases/${id}/transitions`, {
      headers: ORIGIN(),
      data: { to, expectedVersion },
    });
    expect(moved.status(), to).toBe(200);
  }
  const confirmed = await (await api.get(`/api/v1/cases/${id}`)).json();
  expect(confirmed.followUpStatus).toBeNull();

  await page.reload();
  await expect(page.getByTestId("next-follow-up")).toHaveText("None (the case is closed)");
  await page.getByRole("link", { name: "Hulu" }).first().click();
  await expect(page.getByTestId("renewal")).toContainText("Cancelled on");
  await expect(page.getByText("Off (cancelled)")).toBeVisible();
  await page.goto("/subscriptions");
  await expect(page.getByTestId("renewal").first()).toContainText("Cancelled on");
});

test("a note saved while offline stays in the form, says so in Chinese, and saves on Retry", async ({
  page,
  context,
}) => {
  await registerInChinese(page);
  await fillSubscriptionInChinese(page, "Mint Mobile", "30");
  await page.getByRole("button", { name: "保存订阅" }).click();
  await page.getByRole("button", { name: "建立取消记录" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await ready(page);

  await page.getByRole("button", { name: "记录一次通话或联系" }).click();
  const summary = page.getByLabel("沟通内容");
  await summary.fill("客服 Kevin 说会在三个工作日内处理销号。");
  await context.setOffline(true);
  await page.getByRole("button", { name: "保存记录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "离线" })).toBeVisible();
  await expect(summary).toHaveValue("客服 Kevin 说会在三个工作日内处理销号。");
  await expect(page.getByText("页面的这一部分没能加载")).toHaveCount(0);

  // A reload (or a crashed tab) does not lose it either: the draft comes back.
  await context.setOffline(false);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("沟通内容")).toHaveValue("客服 Kevin 说会在三个工作日内处理销号。");
  await expect(page.getByText("这条记录尚未保存")).toBeVisible();

  await context.setOffline(true);
  await page.getByRole("button", { name: "保存记录" }).click();
  await expect(page.getByRole("button", { name: "重试" })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole("button", { name: "重试" }).click();
  await expect(page.getByTestId("note")).toContainText("三个工作日");
  // Saved: the draft is gone, a reload shows the button again.
  await page.reload();
  await ready(page);
  await expect(page.getByRole("button", { name: "记录一次通话或联系" })).toBeVisible();
  await expect(page.getByTestId("note")).toHaveCount(1);
});

test("a step change and a subscription edit offline keep what was typed", async ({
  page,
  context,
}) => {
  await registerInChinese(page);
  await fillSubscriptionInChinese(page, "T-Mobile", "50");
  await context.setOffline(true);
  await page.getByRole("button", { name: "保存订阅" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "离线" })).toBeVisible();
  await expect(page.getByLabel("服务商")).toHaveValue("T-Mobile");
  await context.setOffline(false);
  await page.getByRole("button", { name: "重试" }).click();
  await page.getByRole("button", { name: "建立取消记录" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await ready(page);

  await page.getByLabel("备注（选填）").fill("先结清了余额。");
  await context.setOffline(true);
  await page.getByRole("button", { name: "完成“核对账单”" }).click();
  await expect(page.getByTestId("case-action-message")).toContainText("离线");
  await expect(page.getByLabel("备注（选填）")).toHaveValue("先结清了余额。");
  await context.setOffline(false);
  await page.getByRole("button", { name: "重试" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("核对账单");
  await expect(page.getByLabel("备注（选填）")).toHaveValue("");
});

test("unknown addresses get the app's own 404, in the shell and the user's language", async ({
  page,
  browser,
}) => {
  await registerInChinese(page);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("找不到页面");
  await expect(page.getByRole("navigation", { name: "主导航" }).first()).toBeVisible();
  await page.getByRole("link", { name: "返回概览" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const anonymous = await browser.newPage({ locale: "en-US" });
  const outside = await anonymous.goto("/no-such-page");
  expect(outside?.status()).toBe(404);
  await expect(anonymous.getByTestId("not-found")).toContainText("Not found");
  await anonymous.getByRole("link", { name: "Go to sign-in" }).click();
  await expect(anonymous).toHaveURL(/\/login/);
  await anonymous.close();
});

test("an empty file or one over the limit is refused before it is sent, and the kind is asked", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Xfinity");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/receipts") && request.method() === "POST")
      uploads.push(request.url());
  });
  const input = page.getByTestId("dropzone").last().locator("input[type=file]");
  await input.setInputFiles([
    { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
  ]);
  // No kind chosen yet: nothing goes until it is.
  await expect(page.getByText("Say what this is, and the upload starts.")).toBeVisible();
  await page.getByLabel("What is it?").last().selectOption("final_bill");
  await expect(page.getByTestId("upload-status")).toContainText("empty.pdf: This file is empty.");
  await input.setInputFiles([
    { name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(1024 * 1024 + 1) },
  ]);
  await expect(page.getByTestId("upload-status")).toContainText(
    "huge.pdf: This file is larger than the 1 MB upload limit, so it was not sent.",
  );
  expect(uploads).toEqual([]);
});

test("an edited note says so; a deleted note and receipt leave a line in the history and the evidence", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "AT&T");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page.getByLabel("What was said").fill("First call: asked for a port-out PIN.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toContainText("port-out PIN");
  await expect(page.getByTestId("note-edited")).toHaveCount(0);

  // An edit some seconds later is marked as one.
  await page.waitForTimeout(2500);
  await page.getByTestId("note").getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("What was said").fill("First call: asked for a port-out PIN; got it.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("note")).toContainText("got it.");
  await expect(page.getByTestId("note-edited")).toContainText("edited");

  await page.getByLabel("What is it?").last().selectOption("screenshot");
  await page
    .getByTestId("dropzone")
    .last()
    .locator("input[type=file]")
    .setInputFiles({ name: "pin.txt", mimeType: "text/plain", buffer: Buffer.alloc(753, "x") });
  await expect(page.getByTestId("receipt")).toHaveCount(1);
  await expect(page.getByTestId("receipt")).toContainText("753 bytes");
  await page.getByRole("button", { name: "Delete: pin.txt" }).click();
  await expect(page.getByTestId("receipt")).toHaveCount(0);
  await page.getByTestId("note").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("note")).toHaveCount(0);

  const changes = page.getByTestId("timeline-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.filter({ hasText: "Contact note deleted" })).toContainText("got it.");
  await expect(changes.filter({ hasText: "Receipt deleted" })).toContainText("pin.txt");

  await page.getByRole("link", { name: "Evidence page" }).click();
  const listed = page.getByTestId("evidence-changes");
  await expect(listed).toContainText("Contact note deleted");
  await expect(listed).toContainText("pin.txt");
  await expect(listed).toContainText("753 bytes");
});

test("the evidence page is fit for a bank: holder, request date, zones, English from a Chinese UI, Letter and A4", async ({
  page,
}) => {
  await page.goto("/register");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  await ready(page);
  await page.getByLabel("称呼（选填）").fill("李伟");
  await page.getByLabel("邮箱").fill(`bank-${Date.now()}@example.com`);
  await page.getByLabel("密码").fill("一段足够长的测试密码");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const api = page.request;
  const post = async (url: string, data: object) => {
    const response = await api.post(url, { headers: ORIGIN(), data });
    expect(response.ok(), url).toBe(true);
    return response.json();
  };
  const sub = await post("/api/v1/subscriptions", MOBILE_PLAN);
  const kase = await post("/api/v1/cases", { subscriptionId: sub.id, reason: "switching" });
  await post(`/api/v1/cases/${kase.id}/notes`, {
    channel: "phone",
    occurredAt: "2026-11-20T18:30:42Z",
    agent: "Kevin",
    reference: "MM-TICKET-20261120-000123",
    summary: "客服确认已提交销号申请，三个工作日内处理。",
  });
  const upload = await api.post(`/api/v1/cases/${kase.id}/receipts`, {
    headers: ORIGIN(),
    multipart: {
      kind: "confirmation",
      file: { name: "确认函.txt", mimeType: "text/plain", buffer: Buffer.alloc(753, "y") },
    },
  });
  expect(upload.status()).toBe(201);
  await post(`/api/v1/cases/${kase.id}/transitions`, { to: "bill_checked", expectedVersion: 1 });
  await post(`/api/v1/cases/${kase.id}/transitions`, {
    to: "request_submitted",
    expectedVersion: 2,
  });

  await page.goto(`/cases/${kase.id}/evidence`);
  const evidence = page.getByTestId("evidence");
  await expect(evidence).toContainText("账户持有人");
  await expect(evidence).toContainText("李伟");
  await expect(evidence).toContainText("753字节");
  await expect(evidence).toContainText("GMT-8");
  // A channel is one word: never broken across lines.
  const channel = evidence.getByRole("cell", { name: "电话", exact: true });
  expect(await channel.evaluate((cell) => getComputedStyle(cell).wordBreak)).toBe("keep-all");

  await page.getByRole("link", { name: "English" }).click();
  await expect(evidence).toContainText("Account holder");
  await expect(evidence).toContainText("Request submitted");
  await expect(evidence).toContainText("753 bytes");
  await expect(evidence).toContainText("PST");
  await expect(evidence).toContainText("Nov 20, 2026, 10:30:42 AM PST");
  await expect(evidence).toHaveAttribute("lang", "en");
  // The app around it stays in the user's language.
  await expect(page.getByRole("link", { name: "← 返回取消记录" })).toBeVisible();

  // On paper: no shell, nothing wider than the printable width of Letter and A4.
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  for (const [format, printableCssPx] of [
    ["Letter", Math.floor(((8.5 * 25.4 - 24) / 25.4) * 96)],
    ["A4", Math.floor(((210 - 24) / 25.4) * 96)],
  ] as const) {
    await page.setViewportSize({ width: printableCssPx, height: 1000 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      format,
    ).toBeLessThanOrEqual(printableCssPx);
    const pdf = await page.pdf({ format, printBackground: false });
    expect(pdf.subarray(0, 5).toString(), format).toBe("%PDF-");
  }
  await expect(page.getByRole("navigation", { name: "主导航" }).first()).toBeHidden();
  // Printed from dark mode, the text is dark on the white page.
  const color = await evidence.evaluate(
    (node) => getComputedStyle(node.querySelector("h1")!).color,
  );
  expect(color).not.toMatch(/rgb\((2[0-5]\d), (2[0-5]\d), (2[0-5]\d)\)/);
});

test("an unexpected error shows the app's own page, in the shell and the user's language", async ({
  page,
}) => {
  await registerInChinese(page);
  const api = page.request;
  const sub = await (
    await api.post("/api/v1/subscriptions", { headers: ORIGIN(), data: MOBILE_PLAN })
  ).json();
  const kase = await (
    await api.post("/api/v1/cases", {
      headers: ORIGIN(),
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();
  // A value the app never writes, put there behind its back: reading the case is now a bug (500).
  const setReason = (reason: string) => {
    const db = new Database(path.resolve("test-data/e2e/cancelcase.db"), { timeout: 5000 });
    try {
      db.prepare("UPDATE CancellationCase SET reason = ? WHERE id = ?").run(reason, kase.id);
    } finally {
      db.close();
    }
  };
  setReason("pigeon");
  const response = await page.goto(`/cases/${kase.id}`);
  expect(response?.status()).toBe(500);
  const shown = page.getByTestId("error-page");
  await expect(shown).toContainText("出了点问题");
  await expect(shown).not.toContainText("pigeon");
  await expect(page.getByRole("navigation", { name: "主导航" }).first()).toBeVisible();
  await shown.getByRole("link", { name: "返回概览" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  setReason("cost");
});

test("a slow navigation shows progress, and a slow save says it is saving", async ({ page }) => {
  await register(page);
  await openCaseThroughUi(page, "Verizon");
  const slow = async (route: import("@playwright/test").Route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  };
  await page.route(
    (url) => new URL(url).pathname.startsWith("/cases/"),
    (route) => (route.request().method() === "POST" ? slow(route) : route.continue()),
  );
  await page.getByRole("button", { name: "Mark “Bill checked” done" }).click();
  await expect(page.getByRole("button", { name: "Saving…" })).toBeVisible();
  await expect(page.getByTestId("case-state")).toHaveText("Bill checked");

  await page.route((url) => new URL(url).pathname === "/cases", slow);
  await page.getByRole("link", { name: "Cases", exact: true }).first().click();
  await expect(page.getByTestId("navigation-progress")).toBeVisible();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId("navigation-progress")).toHaveCount(0);
});

test("forgiving input: prices and links as people type them, a counter instead of a silent cut", async ({
  page,
}) => {
  await register(page);
  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("Provider").fill("Comcast Xfinity");
  await page.getByLabel("Price per billing cycle").fill("$1,234.50");
  await page.getByLabel("Cancellation page").fill("xfinity.com/cancel");
  await page.getByRole("button", { name: "Save subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Comcast Xfinity");
  await expect(page.getByText("$1,234.50").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "https://xfinity.com/cancel" })).toBeVisible();

  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await ready(page);
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  const summary = page.getByLabel("What was said");
  await summary.fill("x".repeat(5003));
  // Nothing was cut: the text is all there, and the form says how much is too much.
  await expect(summary).toHaveValue("x".repeat(5003));
  await expect(page.getByText("3 characters over the limit of 5000")).toBeVisible();
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toHaveCount(0);
  await summary.fill("x".repeat(4990));
  await expect(page.getByText("characters over the limit")).toHaveCount(0);
  await expect(page.getByText("4990 / 5000")).toBeVisible();
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toHaveCount(1);
});

test("a save after the session ended goes to sign-in, and the note waits as a draft", async ({
  page,
  context,
}) => {
  const email = await register(page);
  await openCaseThroughUi(page, "Boost Mobile");
  const caseUrl = page.url();
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page.getByLabel("What was said").fill("Asked for the port-out number.");

  // The session ends while the form is open (it expired, or was ended from another device).
  await context.clearCookies();
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("The save did not go through")).toHaveCount(0);

  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard|\/cases\//);
  await page.goto(caseUrl);
  await ready(page);
  await expect(page.getByLabel("What was said")).toHaveValue("Asked for the port-out number.");
});
