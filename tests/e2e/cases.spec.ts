import { expect, test, type Page } from "@playwright/test";
import { ready, register, registerInChinese } from "./helpers";

async function addSubscription(
  page: Page,
  provider: string,
  price = "30.00",
  labels = {
    add: "Add subscription",
    provider: "Provider",
    plan: "Plan",
    amount: "Price per billing cycle",
    save: "Save subscription",
  },
) {
  await page.goto("/subscriptions");
  await ready(page);
  await page.getByRole("link", { name: labels.add }).first().click();
  await ready(page);
  await page.getByLabel(labels.provider).fill(provider);
  await page.getByLabel(labels.plan).fill("Unlimited");
  await page.getByLabel(labels.amount).fill(price);
  await page.getByRole("button", { name: labels.save }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(provider);
}

async function step(page: Page, button: string, state: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  // The step just recorded is done; the stepper marks the one after it as next.
  await expect(page.locator(`[data-step="${state}"]`)).toHaveAttribute("data-status", "done");
}

test("add a subscription, cancel it step by step to confirmation, and see the savings", async ({
  page,
}) => {
  await register(page);
  await addSubscription(page, "Visible Wireless", "25.00");
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");

  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.getByTestId("guidance")).toContainText("settle any unpaid balance first");
  await ready(page);

  await step(page, "Mark “Bill checked” done", "bill_checked");
  await step(page, "Mark “Data backed up” done", "data_backed_up");
  await step(page, "Mark “Payment unlinked” done", "payment_unlinked");
  await expect(page.getByTestId("guidance")).toContainText("port it out");
  await step(page, "Mark “Request submitted” done", "request_submitted");
  await step(page, "Mark “Identity verified” done", "identity_verified");
  await step(page, "Mark “Under review” done", "under_review");

  // Confirming needs evidence: without a number it explains why and changes nothing.
  await page.getByRole("button", { name: "Mark cancellation confirmed" }).click();
  await expect(
    page.getByText("Enter the confirmation number (or attach the confirmation)"),
  ).toBeVisible();
  await expect(page.locator('[data-step="under_review"]')).toHaveAttribute("data-status", "done");
  await expect(page.locator('[data-step="confirmation_received"]')).toHaveAttribute(
    "data-status",
    "next",
  );

  await page.getByLabel("Confirmation number").first().fill("VW-2026-4411");
  await step(page, "Mark cancellation confirmed", "confirmation_received");
  await expect(page.getByTestId("confirmation-number")).toHaveText("VW-2026-4411");
  await expect(page.getByTestId("case-state")).toHaveText("Confirmation received");
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(8);

  await page.getByRole("link", { name: "Visible Wireless" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Cancelled");

  await page.goto("/dashboard");
  await expect(page.getByTestId("stat-savings")).toHaveText("$25.00");
  await expect(page.getByTestId("stat-open-cases")).toHaveText("0");
});

test("a rejected request goes back to the bill, then is resubmitted; skipped steps are recorded", async ({
  page,
}) => {
  await register(page);
  await addSubscription(page, "Crunch Fitness", "29.99");
  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await ready(page);
  await step(page, "Mark “Bill checked” done", "bill_checked");
  await step(page, "Skip to “Request submitted”", "request_submitted");
  await expect(page.locator('[data-step="data_backed_up"]')).toHaveAttribute(
    "data-status",
    "skipped",
  );

  await page.getByText("Mark as rejected").first().click();
  await page.getByLabel("Why was it rejected?").selectOption("unpaid_balance");
  await page.locator("#reject-comment").fill("Annual fee outstanding");
  await page.getByRole("button", { name: "Mark as rejected", exact: true }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Rejected");
  await expect(page.getByTestId("guidance")).toContainText("resubmitted with supporting material");
  await expect(page.getByTestId("timeline")).toContainText("Rejected: Unpaid balance");
  // The stepper shows the rejection, with its reason, after the step it came from.
  const branch = page.locator('[data-step="rejected"]');
  await expect(branch).toHaveAttribute("data-status", "branch");
  await expect(branch).toContainText("Unpaid balance");
  await expect(page.locator('[data-status="next"]')).toHaveCount(0);

  await page.getByRole("button", { name: "Settle the balance: back to “Bill checked”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Bill checked");
  await step(page, "Skip to “Request submitted”", "request_submitted");
  await expect(page.getByTestId("case-state")).toHaveText("Request submitted");
});

test("reject for an unpaid balance, settle, resubmit: the steps done before stay done (issue 30, point 9)", async ({
  page,
}) => {
  await register(page);
  await addSubscription(page, "Mint Mobile", "30.00");
  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await ready(page);
  await step(page, "Mark “Bill checked” done", "bill_checked");
  await step(page, "Mark “Data backed up” done", "data_backed_up");
  await step(page, "Mark “Payment unlinked” done", "payment_unlinked");
  await step(page, "Mark “Request submitted” done", "request_submitted");
  await page.getByText("Mark as rejected").first().click();
  await page.getByLabel("Why was it rejected?").selectOption("unpaid_balance");
  await page.getByRole("button", { name: "Mark as rejected", exact: true }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Rejected");
  await page.getByRole("button", { name: "Settle the balance: back to “Bill checked”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Bill checked");

  // Backed up and unlinked stay done; the resubmission is next, and it is the main action.
  for (const done of ["bill_checked", "data_backed_up", "payment_unlinked"]) {
    await expect(page.locator(`[data-step="${done}"]`)).toHaveAttribute("data-status", "done");
  }
  await expect(page.locator('[data-step="request_submitted"]')).toHaveAttribute(
    "data-status",
    "next",
  );
  const actions = page.getByRole("form", { name: "Next step" });
  await expect(actions.getByRole("button").first()).toHaveText("Resubmit the request");
  await expect(actions.getByRole("button", { name: "Do “Data backed up” again" })).toBeVisible();

  await step(page, "Resubmit the request", "request_submitted");
  await page.getByLabel("Confirmation number").fill("MM-90210");
  await page.getByRole("button", { name: /^Skip to .Confirmation received.$/ }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Confirmation received");
  for (const done of ["data_backed_up", "payment_unlinked"]) {
    await expect(page.locator(`[data-step="${done}"]`)).toHaveAttribute("data-status", "done");
  }
  // The history never says they were skipped.
  const skippedLines = page
    .getByTestId("timeline-event")
    .filter({ hasText: "(skipped)" })
    .filter({ hasText: /Data backed up|Payment unlinked/ });
  await expect(skippedLines).toHaveCount(0);
});

test("a step dated in the past: the day it happened, and when it was written down (issue 30, point 10)", async ({
  page,
}) => {
  await register(page);
  await addSubscription(page, "Verizon", "65.00");
  const started = page.getByLabel("Started on");
  const today = await started.getAttribute("max");
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const daysAgo = (n: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - n);
    return d.toISOString().slice(0, 10);
  };
  const shown = (day: string) =>
    new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${day}T00:00:00Z`),
    );
  await started.fill(daysAgo(10));
  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await ready(page);
  await expect(page.getByTestId("case-opened-on")).toHaveText(shown(daysAgo(10)));

  const when = page.locator("#move-occurred-on");
  await expect(when).toHaveValue(today!);
  await expect(when).toHaveAttribute("max", today!);
  await expect(when).toHaveAttribute("min", daysAgo(10));
  await when.fill(daysAgo(3));
  await step(page, "Mark “Bill checked” done", "bill_checked");
  const billLine = page.getByTestId("timeline-event").filter({ hasText: "Bill checked" });
  await expect(billLine.getByTestId("event-occurred-on")).toHaveText(
    `Happened ${shown(daysAgo(3))}`,
  );
  await expect(billLine.getByTestId("event-recorded")).toContainText("recorded");
  // The next step cannot be dated before this one.
  await expect(page.locator("#move-occurred-on")).toHaveAttribute("min", daysAgo(3));
});

test("a stale tab gets a clear message and the fresh state, and never overwrites", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await register(first);
  await addSubscription(first, "Hulu", "17.99");
  await first.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(first).toHaveURL(/\/cases\//);
  await ready(first);

  const second = await context.newPage();
  await second.goto(first.url());
  await ready(second);
  await step(second, "Mark “Bill checked” done", "bill_checked");

  // The first tab still shows "open" and offers bill_checked again.
  await first.getByRole("button", { name: "Mark “Bill checked” done" }).click();
  await expect(first.getByTestId("case-action-message")).toContainText("changed in another tab");
  await expect(first.getByTestId("case-state")).toHaveText("Bill checked");
  await expect(first.getByTestId("timeline").locator("li")).toHaveCount(2);
  await context.close();
});

test("the whole journey in Chinese", async ({ page }) => {
  await registerInChinese(page, "zh-journey");

  await addSubscription(page, "Mint Mobile", "15", {
    add: "添加订阅",
    provider: "服务商",
    plan: "套餐",
    amount: "每期价格",
    save: "保存订阅",
  });
  await expect(page.getByTestId("subscription-status")).toHaveText("使用中");
  await page.getByLabel("为什么要取消？").selectOption("switching");
  await page.getByRole("button", { name: "建立取消记录" }).click();
  await expect(page.getByTestId("guidance")).toContainText("先看账单");
  await ready(page);
  await step(page, "完成“核对账单”", "bill_checked");
  await step(page, "跳到“提交申请”", "request_submitted");
  await expect(page.getByTestId("guidance")).toContainText("确认号");
  await page.getByLabel("确认号").first().fill("MM-8899");
  await step(page, "跳到“收到确认”", "confirmation_received");
  await expect(page.getByTestId("case-state")).toHaveText("收到确认");

  await page.goto("/subscriptions");
  await expect(page.getByTestId("subscription-status").first()).toHaveText("已取消");
  await page.goto("/dashboard");
  await expect(page.getByTestId("stat-savings")).toHaveText("US$15.00");
});

test("subscription form errors sit beside their fields; edit keeps values; delete says what happens to its cases", async ({
  page,
}) => {
  await register(page);
  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("Price per billing cycle").fill("twelve");
  await page.getByLabel("Cancellation page").fill("not a url");
  await page.getByRole("button", { name: "Save subscription" }).click();
  await expect(page.locator("#provider-error")).toHaveText("Enter the provider's name.");
  await expect(page.locator("#amount-error")).toHaveText("Enter a price of 0 or more, like 12.99.");
  await expect(page.locator("#cancelUrl-error")).toContainText("https://");
  await expect(page.getByLabel("Price per billing cycle")).toHaveValue("twelve");

  await page.getByLabel("Provider").fill("Spotify");
  await page.getByLabel("Price per billing cycle").fill("11.99");
  await page.getByLabel("Cancellation page").fill("");
  await page.getByLabel("Category").selectOption("streaming");
  await page.getByRole("button", { name: "Save subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Spotify");

  await page.getByRole("link", { name: "Edit" }).click();
  await ready(page);
  await expect(page.getByLabel("Price per billing cycle")).toHaveValue("11.99");
  await page.getByLabel("Price per billing cycle").fill("5.99");
  await page.getByLabel("Billed").selectOption("yearly");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("$5.99 / year")).toBeVisible();

  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(page).toHaveURL(/\/cases\//);
  await page.getByRole("link", { name: "Spotify" }).click();
  await ready(page);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText(
    "Its cancellation case and that case's history will be deleted too.",
  );
  await page.getByRole("button", { name: "Delete subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(page.getByText("No subscriptions yet")).toBeVisible();
  await page.goto("/cases");
  await expect(page.getByText("No cancellation cases yet")).toBeVisible();
});
