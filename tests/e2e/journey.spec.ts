import { expect, test, type Page } from "@playwright/test";
import { todayIn } from "@/lib/domain/dates";
import { MOBILE_PLAN, openCaseThroughUi, ready, register, sameOrigin } from "./helpers";

// Issue 12, the record must be right: a step's comment, time order, one
// follow-up rule, closed things, edits and deletes, the evidence page.
test.use({ timezoneId: "America/Los_Angeles" });

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
  // The form's time is "now", to the second: later than the opening, never before it. (At
  // a whole minute the browser reads the value back without its ":00".)
  await expect(page.getByLabel("When", { exact: true })).toHaveValue(/T\d{2}:\d{2}(:\d{2})?$/);
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
      headers: sameOrigin(),
      data: { ...MOBILE_PLAN, provider: `Carrier ${i}` },
    });
    const kase = await api.post("/api/v1/cases", {
      headers: sameOrigin(),
      data: { subscriptionId: (await sub.json()).id, reason: "cost" },
    });
    const { id } = await kase.json();
    const patched = await api.patch(`/api/v1/cases/${id}`, {
      headers: sameOrigin(),
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
    headers: sameOrigin(),
    data: { nextFollowUpOn: "2026-01-05", confirmationNumber: "HU-1" },
  });
  for (const [to, expectedVersion] of [
    ["bill_checked", 2],
    ["request_submitted", 3],
    ["confirmation_received", 4],
  ] as const) {
    const moved = await api.post(`/api/v1/cases/${id}/transitions`, {
      headers: sameOrigin(),
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
    const response = await api.post(url, { headers: sameOrigin(), data });
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
    headers: sameOrigin(),
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
