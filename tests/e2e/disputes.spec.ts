import { expect, test, type APIRequestContext } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { confirmedCaseViaApi, ready, register, sameOrigin, usDate as us } from "./helpers";

// A dispute followed to its outcome, as a user meets it (issue 34): file it
// on the flagged charge, record the bank's provisional credit, then the
// credit for good; the dashboard lists it while it is open and the case's
// history keeps each step.

/** A Mint Mobile case opened and confirmed 30 days ago and a $30.00 charge 10 days ago, through the API. */
async function chargedAfterCancelling(request: APIRequestContext) {
  const today = todayIn("UTC");
  const { kase } = await confirmedCaseViaApi(request, addDays(today, -30));
  const charged = us(addDays(today, -10));
  const imported = await request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "Chase Freedom ••4242",
      file: {
        name: "chase.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
            `${charged},${charged},MINT MOBILE 800-683-7392 CA,Bills,Sale,-30.00,\n`,
        ),
      },
    },
  });
  expect(imported.status()).toBe(201);
  return kase.id as string;
}

test("a dispute filed on a flagged charge, acknowledged, provisionally credited, then credited", async ({
  page,
  context,
}) => {
  await register(page);
  const caseId = await chargedAfterCancelling(page.request);
  await page.goto(`/cases/${caseId}`);
  await ready(page);

  const tracker = page.getByTestId("dispute-tracker");
  await tracker.getByText("File a dispute").click();
  await tracker.getByLabel("How").selectOption("phone");
  await tracker.getByLabel("The bank's reference (optional)").fill("CB-7781");
  await tracker.getByRole("button", { name: "Record the dispute" }).click();
  await expect(tracker.getByTestId("dispute-status")).toHaveText("Filed");
  await expect(tracker).toContainText("Fair Credit Billing Act");
  await expect(tracker.getByTestId("bank-duties")).toContainText("Resolve by");

  // The bank's letter acknowledging it: saved offline first, the day kept, then saved on Retry.
  await tracker.getByText("Record the bank's acknowledgement").click();
  const ackDay = todayIn("UTC");
  await tracker.getByLabel("Day of the bank's acknowledgement").fill(ackDay);
  await context.setOffline(true);
  await tracker.getByRole("button", { name: "Save the acknowledgement" }).click();
  await expect(tracker.getByRole("alert").filter({ hasText: "offline" })).toBeVisible();
  await expect(tracker.getByLabel("Day of the bank's acknowledgement")).toHaveValue(ackDay);
  await context.setOffline(false);
  await tracker.getByRole("button", { name: "Retry" }).click();
  await expect(tracker.getByTestId("dispute-acknowledged")).toContainText(
    "Acknowledged in writing on",
  );
  await expect(tracker.getByText("Record the bank's acknowledgement")).toHaveCount(0);

  await tracker.getByText("Record a provisional credit").click();
  await tracker.getByLabel("Amount (USD)").fill("30");
  await tracker.getByRole("button", { name: "Save the credit" }).click();
  await expect(tracker.getByTestId("dispute-status")).toHaveText("Provisional credit");
  await expect(tracker.getByTestId("dispute-credit")).toContainText("$30.00");

  await page.goto("/dashboard");
  await ready(page);
  const open = page.getByTestId("open-dispute");
  await expect(open).toHaveCount(1);
  await expect(open).toContainText("MINT MOBILE");
  await expect(open).toContainText("Resolve by");

  await page.goto(`/cases/${caseId}`);
  await ready(page);
  await tracker.getByText("Record the outcome").click();
  await tracker.getByLabel("Outcome").selectOption("credited");
  await tracker.getByRole("button", { name: "Save the outcome" }).click();
  await expect(tracker.getByTestId("dispute-status")).toHaveText("Credited");
  await expect(tracker.getByTestId("dispute-resolved")).toBeVisible();

  const steps = page.getByTestId("timeline-dispute");
  await expect(steps).toHaveCount(4);
  await expect(steps.first()).toContainText("Dispute won: the charge was credited");
  await expect(steps.nth(1)).toContainText("Provisional credit of $30.00");
  await expect(steps.nth(2)).toContainText("The bank acknowledged the dispute in writing");
  await expect(steps.nth(3)).toContainText("Dispute filed with the bank (Phone)");

  await page.goto("/dashboard");
  await ready(page);
  await expect(page.getByTestId("open-disputes")).toHaveCount(0);
});
