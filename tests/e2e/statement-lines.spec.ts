import { expect, test, type APIRequestContext } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { MOBILE_PLAN, ready, register, sameOrigin } from "./helpers";

// Issue 34, point 6: every statement line can be browsed, newest first, a
// page at a time by URL, filtered by account, subscription and flag; a line
// dated after today is called out in words.

const HEADER = "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n";
const us = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
const row = (date: string, description: string, amount: string) =>
  `${us(date)},${us(date)},${description},Bills,Sale,${amount},\n`;

async function post(request: APIRequestContext, url: string, data: unknown) {
  const response = await request.post(url, { data, headers: sameOrigin() });
  expect(response.status(), url).toBeLessThan(300);
  return response.json();
}

async function importCsv(request: APIRequestContext, account: string, csv: string) {
  const response = await request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account,
      file: { name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(csv) },
    },
  });
  expect(response.status()).toBe(201);
}

/** Mint Mobile, its cancellation confirmed 20 days ago (so a later charge is flagged, and not in the future). */
async function confirmedMint(request: APIRequestContext, today: string) {
  const sub = await post(request, "/api/v1/subscriptions", MOBILE_PLAN);
  let kase = await post(request, "/api/v1/cases", {
    subscriptionId: sub.id,
    reason: "cost",
    occurredOn: addDays(today, -30),
  });
  const steps = [
    ["bill_checked", -25],
    ["request_submitted", -22],
    ["confirmation_received", -20],
  ] as const;
  for (const [to, days] of steps) {
    kase = await post(request, `/api/v1/cases/${kase.id}/transitions`, {
      to,
      expectedVersion: kase.version,
      occurredOn: addDays(today, days),
      ...(to === "confirmation_received" ? { confirmationNumber: "MM-55120" } : {}),
    });
  }
  return sub as { id: string };
}

test("statement lines: browse by pages, filter by account and flag, see a future date called out", async ({
  page,
}) => {
  await register(page);
  const today = todayIn("UTC");
  const mint = await confirmedMint(page.request, today);
  await importCsv(
    page.request,
    "Chase ••4242",
    HEADER +
      row(addDays(today, 3), "BAKERY ON MAIN", "-7.00") +
      row(addDays(today, -10), "MINT MOBILE 800-683-7392 CA", "-30.00") +
      row(addDays(today, -40), "COFFEE", "-5.00"),
  );
  // 50 parking charges on another card: the first page holds 50 lines, so a second one follows.
  await importCsv(
    page.request,
    "Amex ••1001",
    HEADER +
      Array.from({ length: 50 }, (_, i) =>
        row(addDays(today, -100 - i), `PARKING ${i}`, "-2.00"),
      ).join(""),
  );

  await page.goto("/statements");
  await ready(page);
  await page.getByTestId("browse-lines").click();
  await expect(page).toHaveURL(/\/statements\/lines$/);
  const lines = page.getByTestId("statement-line");
  await expect(lines).toHaveCount(50);

  // Newest first: the future-dated line, warned about in words; no other line is.
  await expect(lines.nth(0)).toContainText("BAKERY ON MAIN");
  await expect(lines.nth(0).getByTestId("future-dated")).toHaveText(/Dated in the future/);
  await expect(page.getByTestId("future-dated")).toHaveCount(1);
  const charge = lines.nth(1);
  await expect(charge).toContainText("MINT MOBILE 800-683-7392 CA");
  await expect(charge.getByTestId("line-subscription")).toHaveText("Mint Mobile");
  await expect(charge.getByTestId("line-kind")).toHaveText("Charged after cancellation");
  await expect(charge.getByTestId("line-deadline")).toContainText("Dispute by");

  // The older page by URL, and back with the browser.
  await page.getByTestId("older-lines").click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(lines).toHaveCount(3);
  await expect(page.getByTestId("older-lines")).toHaveCount(0);
  await page.goBack();
  await expect(lines).toHaveCount(50);
  await ready(page);

  // By account, with the keyboard-usable form: a bookmarkable URL.
  await page.getByLabel("Account").selectOption("Chase ••4242");
  await page.getByRole("button", { name: "Show lines" }).click();
  await expect(page).toHaveURL(/account=Chase/);
  await expect(lines).toHaveCount(3);
  await expect(page.getByTestId("line-account").first()).toHaveText("Chase ••4242");

  // Flagged only (on every account).
  await page.getByTestId("clear-filters").click();
  await expect(page).toHaveURL(/\/statements\/lines$/);
  await page.getByLabel("Only charges after a cancellation").check();
  await page.getByRole("button", { name: "Show lines" }).click();
  await expect(page).toHaveURL(/flagged=true/);
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText("MINT MOBILE");

  // The subscription filter names the user's subscription; an unknown id matches nothing, without an error.
  await page.goto(`/statements/lines?subscriptionId=${mint.id}`);
  await expect(lines).toHaveCount(1);
  await page.goto("/statements/lines?subscriptionId=not-a-real-id");
  await expect(page.getByTestId("no-match")).toContainText("No line matches these filters.");
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(lines).toHaveCount(50);

  // From an account on the Statements page to its lines.
  await page.goto("/statements");
  await ready(page);
  const account = page.getByTestId("account").filter({ hasText: "Chase ••4242" });
  await account.locator("summary").click();
  await account.getByRole("link", { name: "Lines of this account" }).click();
  await expect(page).toHaveURL(/account=Chase/);
  await expect(lines).toHaveCount(3);

  // A cursor this page never wrote: said so, not a server error.
  const bad = await page.goto("/statements/lines?cursor=not-a-cursor");
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId("bad-cursor")).toContainText("cannot be read");
});

test("statement lines: a user without statements is invited to import one", async ({ page }) => {
  await register(page);
  await page.goto("/statements/lines");
  await expect(page.getByTestId("no-lines")).toContainText("No statement lines yet");
  await page.getByRole("link", { name: "Import a statement" }).click();
  await expect(page).toHaveURL(/\/statements$/);
});
