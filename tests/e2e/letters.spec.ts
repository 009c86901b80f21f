import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { confirmedCaseViaApi, ready, register, sameOrigin, usDate as us } from "./helpers";

// The letters as a user meets them: a charge after the cancellation, the
// case page's Letters section, a letter copied, read in Chinese and
// downloaded as a PDF.

test("a case charged after its cancellation offers its letters: copy one, read it in Chinese, download the PDF", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await register(page);
  const { kase } = await confirmedCaseViaApi(page.request);
  const today = todayIn("UTC");
  const csv =
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
    `${us(addDays(today, 3))},${us(addDays(today, 3))},MINT MOBILE 800-683-7392 CA,Bills,Sale,-30.00,\n`;
  const imported = await page.request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "Chase Freedom ••4242",
      statementDate: addDays(today, 5),
      file: { name: "Chase4242_Activity.csv", mimeType: "text/csv", buffer: Buffer.from(csv) },
    },
  });
  expect(imported.status()).toBeLessThan(300);

  await page.goto(`/cases/${kase.id}#letters`);
  await ready(page);
  const letters = page.getByTestId("letters");
  await expect(letters).toBeVisible();
  // A credit card (no account details yet): the FCBA letter, not the Reg E ones; the FCC's for a carrier.
  await expect(letters.getByTestId("letter-billing_error")).toBeVisible();
  await expect(letters.getByTestId("letter-reg_e_notice")).toHaveCount(0);
  await expect(letters.getByTestId("letter-fcc_complaint")).toBeVisible();
  await expect(page.getByTestId("letters-missing")).toContainText("your legal name");

  const letter = letters.getByTestId("letter-merchant_final_notice");
  await letter.locator("summary").click();
  const text = letter.getByTestId("letter-text");
  await expect(text).toContainText("Final notice: stop charging me and refund");
  await expect(text).toContainText("[Your legal name]");
  await expect(text).not.toContainText("Test User");

  await letter.getByRole("button", { name: "Copy" }).click();
  await expect(letter.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("MM-55120");
  expect(copied).toContain("MINT MOBILE 800-683-7392 CA");

  await letter.getByRole("button", { name: "Read in Chinese" }).click();
  await expect(text).toContainText("本中文版本仅供您阅读理解");
  await letter.getByRole("button", { name: "Back to English" }).click();
  await expect(text).toContainText("Final notice");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    letter.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^letter-merchant-final-notice-mint-mobile-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const pdf = execFileSync("pdftotext", [await download.path(), "-"], { encoding: "utf8" });
  expect(pdf.replace(/\s+/g, " ")).toContain("MM-55120");
});
