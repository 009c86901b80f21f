import { expect, test } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { confirmedCaseViaApi, ready, register, usDate as us } from "./helpers";

// Issue 34: a statement imported as a debit card gives its flagged charge
// Regulation E's and the card network's deadlines, each named; the account's
// details are kept in the Statements page's Accounts section.

test("a debit card's charge shows Regulation E's and the network's deadlines; its details are saved", async ({
  page,
  context,
}) => {
  await register(page);
  const { kase } = await confirmedCaseViaApi(page.request);
  const today = todayIn("UTC");
  const posted = addDays(today, 2);
  const closing = addDays(today, 5);
  const csv =
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
    `${us(posted)},${us(posted)},MINT MOBILE 800-683-7392 CA,Bills & Utilities,Sale,-30.00,\n`;

  await page.goto("/statements");
  await ready(page);
  await page
    .getByLabel("Statement file")
    .setInputFiles({ name: "debit.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Card or account").fill("Chase debit ••9876");
  // A Chase card layout suggests a credit card; this one is a debit card.
  await expect(page.getByLabel("Kind of account")).toHaveValue("credit_card");
  await page.getByLabel("Kind of account").selectOption("debit_card");
  await page.getByLabel("Statement closing date").fill(closing);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-result")).toContainText("1 new line");

  await page.goto(`/cases/${kase.id}#charges`);
  await ready(page);
  const deadlines = page.locator("#charges").getByTestId("dispute-deadline");
  await expect(deadlines).toHaveCount(2);
  await expect(deadlines.nth(0)).toHaveAttribute("data-rule", "reg_e");
  await expect(deadlines.nth(0)).toHaveAttribute("data-state", "next");
  await expect(deadlines.nth(0)).toContainText("Regulation E");
  await expect(deadlines.nth(0)).toContainText("65 days left");
  await expect(deadlines.nth(1)).toHaveAttribute("data-rule", "network");
  await expect(deadlines.nth(1)).toContainText("Card network (Visa 13.2 / Mastercard 4853)");
  await expect(deadlines.nth(1)).toContainText("122 days left");
  await expect(page.locator("#charges")).not.toContainText("Fair Credit Billing Act");

  // The Accounts section: the kind as imported, the legal name kept after a reload.
  await page.goto("/statements");
  await ready(page);
  const account = page.getByTestId("account").filter({ hasText: "Chase debit ••9876" });
  await expect(account.getByTestId("account-kind")).toHaveText("Debit card");
  await account.locator("summary").click();
  await account.getByLabel("Your legal name").fill("Wang Xiaoming");
  await account.getByLabel("Your mailing address").fill("1 Main St\nSpringfield, IL 62701");
  // Saved offline first: what was typed stays, and Retry saves it.
  await context.setOffline(true);
  await account.getByRole("button", { name: "Save" }).click();
  await expect(account.getByRole("alert").filter({ hasText: "offline" })).toBeVisible();
  await expect(account.getByLabel("Your legal name")).toHaveValue("Wang Xiaoming");
  await context.setOffline(false);
  await account.getByRole("button", { name: "Retry" }).click();
  await expect(account.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await ready(page);
  const saved = page.getByTestId("account").filter({ hasText: "Chase debit ••9876" });
  await saved.locator("summary").click();
  await expect(saved.getByLabel("Your legal name")).toHaveValue("Wang Xiaoming");
  await expect(saved.getByLabel("Your mailing address")).toHaveValue(
    "1 Main St\nSpringfield, IL 62701",
  );
});
