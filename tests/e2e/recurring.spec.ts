import { expect, test } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { ready, register, sameOrigin } from "./helpers";

// Recurring charges found in a statement (issue 33, point 6): the same
// merchant every month, with no subscription for it, is offered as "add this
// subscription"; once added, it is covered and no longer offered.

const us = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

function chaseCsv(lines: { on: string; description: string; amount: string }[]): Buffer {
  return Buffer.from(
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
      lines
        .map((l) => `${us(l.on)},${us(l.on)},${l.description},Shopping,Sale,${l.amount},`)
        .join("\n") +
      "\n",
  );
}

test("a monthly charge with no subscription is offered, added from the statement, then covered", async ({
  page,
}) => {
  await register(page);
  const today = todayIn("UTC");
  // Three Netflix charges a month apart (as a Chase export prints them), and
  // shopping at one store on no rhythm, which is not a subscription.
  const netflix = [-75, -45, -15].map((days) => ({
    on: addDays(today, days),
    description: "NETFLIX.COM NETFLIX.COM CA",
    amount: "-15.49",
  }));
  const shopping = [-70, -52, -20, -3].map((days, i) => ({
    on: addDays(today, days),
    description: `AMZN Mktp US*2K4L1${i}`,
    amount: `-${12 + i * 7}.99`,
  }));
  const imported = await page.request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "Chase Freedom ••4242",
      file: {
        name: "Chase4242_Activity.csv",
        mimeType: "text/csv",
        buffer: chaseCsv([...netflix, ...shopping]),
      },
    },
  });
  expect(imported.status()).toBe(201);

  const found = await (await page.request.get("/api/v1/transactions/recurring")).json();
  expect(found.items).toEqual([
    expect.objectContaining({
      description: "NETFLIX.COM NETFLIX.COM CA",
      amount: 1549,
      currency: "USD",
      cycle: "monthly",
      occurrences: 3,
      lastPostedOn: addDays(today, -15),
      subscriptionId: null,
    }),
  ]);

  await page.goto("/statements");
  await ready(page);
  const card = page.getByTestId("recurring");
  await expect(card.getByRole("listitem")).toHaveCount(1);
  await expect(card).toContainText("NETFLIX.COM NETFLIX.COM CA");
  await expect(card).toContainText("$15.49 · Monthly · 3 charges");
  await expect(card).not.toContainText("AMZN");

  await card.getByRole("link", { name: "Add this subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new\?/);
  await ready(page);
  await expect(page.getByLabel("Provider")).toHaveValue("Netflix");
  await expect(page.getByLabel("Price per billing cycle")).toHaveValue("15.49");
  await expect(page.getByLabel("Billed")).toHaveValue("monthly");
  await page.getByLabel("Category").selectOption("streaming");
  await page.getByRole("button", { name: "Save subscription" }).click();
  // The saved subscription's page (the form's own URL, /subscriptions/new?…, matched too before).
  await expect(page).toHaveURL(/\/subscriptions\/(?!new)[^/?]+$/);

  const after = await (await page.request.get("/api/v1/transactions/recurring")).json();
  expect(after.items).toHaveLength(1);
  expect(after.items[0].subscriptionId).toEqual(expect.any(String));
  await page.goto("/statements");
  await ready(page);
  await expect(page.getByTestId("recurring")).toHaveCount(0);
});

test("a hand-edited add link fills only what is valid", async ({ page }) => {
  await register(page);
  await page.goto(
    `/subscriptions/new?provider=${"x".repeat(101)}&amount=9.99&currency=US1&billingCycle=hourly`,
  );
  await ready(page);
  await expect(page.getByLabel("Provider")).toHaveValue("");
  await expect(page.getByLabel("Price per billing cycle")).toHaveValue("9.99");
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await expect(page.getByLabel("Billed")).toHaveValue("monthly");
});
