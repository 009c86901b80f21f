import { expect, test, type Page } from "@playwright/test";
import { addDays, todayIn } from "@/lib/domain/dates";
import { execFileSync } from "node:child_process";
import { EML, sha256, unzip } from "./files";
import { confirmedCaseViaApi, ready, register, sameOrigin, usDate as us } from "./helpers";

// A charge after a cancellation, as a user meets it: import the card
// statement, see the charge flagged on the dashboard and the case with its
// dispute deadline, reopen the case over it in one click.

/** A Chase card export (its real header) with a Mint Mobile charge on each of the given days. */
function chaseCsv(lines: { on: string; description: string; amount: string }[]): Buffer {
  const header = "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n";
  return Buffer.from(
    header +
      lines
        .map((l) => `${us(l.on)},${us(l.on)},${l.description},Bills & Utilities,Sale,${l.amount},`)
        .join("\n") +
      "\n",
  );
}

/** The statements page, as the account signed in on `page`. */
async function openStatements(page: Page) {
  await page.goto("/statements");
  await ready(page);
}

/** Chooses a CSV in the import form, as a person picks a file. */
const chooseCsv = (page: Page, name: string, text: string | Buffer) =>
  page
    .getByLabel("Statement file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test("a statement shows a charge after the cancellation; the case is reopened over it in one click", async ({
  page,
}) => {
  await register(page);
  const { kase } = await confirmedCaseViaApi(page.request);
  const today = todayIn("UTC");
  const charged = addDays(today, 3);

  const statement = chaseCsv([
    { on: charged, description: "MINT MOBILE 800-683-7392 CA", amount: "-30.00" },
    { on: addDays(today, 2), description: "TRADER JOE S #123", amount: "-41.17" },
    { on: addDays(today, -20), description: "MINT MOBILE 800-683-7392 CA", amount: "-30.00" },
  ]);

  await openStatements(page);
  await expect(page.getByTestId("no-imports")).toBeVisible();
  await chooseCsv(page, "Chase4242_Activity.csv", statement);
  await expect(page.getByTestId("import-detected")).toContainText("Chase");
  const preview = page.getByTestId("import-preview");
  await expect(preview.locator("tbody tr")).toHaveCount(3);
  await expect(preview.locator("tbody tr").first()).toContainText("MINT MOBILE 800-683-7392 CA");
  await expect(preview.locator("tbody tr").first()).toContainText("$30.00");
  await page.getByLabel("Card or account").fill("Chase Freedom ••4242");
  await page.getByLabel("Statement closing date").fill(addDays(today, 5));
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-result")).toContainText(
    "3 new lines, 0 already imported, 2 matched",
  );
  await expect(page.getByTestId("imports")).toContainText("Chase Freedom ••4242");

  // The same file again adds nothing.
  await chooseCsv(page, "Chase4242_Activity.csv", statement);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-result")).toContainText("0 new lines, 3 already imported");

  await page.goto("/dashboard");
  await ready(page);
  const flagged = page.getByTestId("flagged-charges");
  await expect(flagged).toContainText("A charge after a cancellation");
  await expect(flagged.getByTestId("charge")).toHaveCount(1);
  await flagged.getByRole("link", { name: "Mint Mobile" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}#charges$`));
  await ready(page);

  const card = page.locator("#charges");
  await expect(card.getByTestId("watch-status")).toHaveText("Charged after cancellation");
  const deadline = card.getByTestId("dispute-by");
  await expect(deadline).toHaveAttribute("data-days-left", "65");
  await expect(deadline).toContainText("65 days left");
  await expect(card.getByTestId("charge-list").first().getByTestId("charge")).toHaveCount(1);

  await card.getByRole("button", { name: "Reopen the case over this charge" }).click();
  await expect(page.getByTestId("guidance")).not.toContainText("confirmed", { timeout: 15_000 });
  const reopened = await (await page.request.get(`/api/v1/cases/${kase.id}`)).json();
  expect(reopened.state).toBe("under_review");
  expect(reopened.events.at(-1)).toMatchObject({
    from: "confirmation_received",
    to: "under_review",
    comment: expect.stringContaining(
      "Charged after cancellation: MINT MOBILE 800-683-7392 CA, $30.00",
    ),
  });
  // Still flagged after the reopen: the dispute needs it.
  await page.reload();
  await ready(page);
  await expect(page.locator("#charges").getByTestId("dispute-by")).toBeVisible();
  await expect(
    page.locator("#charges").getByRole("button", { name: "Reopen the case over this charge" }),
  ).toHaveCount(0);

  // The dispute pack, from the case page: the PDF, and the ZIP with a receipt and its manifest.
  await page.request.post(`/api/v1/cases/${kase.id}/receipts`, {
    headers: sameOrigin(),
    multipart: {
      kind: "confirmation",
      file: { name: "cancelled.eml", mimeType: "message/rfc822", buffer: EML },
    },
  });
  await page.reload();
  await ready(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("dispute-pack").getByRole("link", { name: "PDF (English)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dispute-pack-mint-mobile-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = await download.path();
  const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("MM-55120");
  expect(text).toContain("MINT MOBILE 800-683-7392 CA");
  expect(text).toContain(sha256(EML));
  const zip = await page.request.get(`/api/v1/cases/${kase.id}/dispute-pack?format=zip&lang=zh-CN`);
  expect(zip.status()).toBe(200);
  const entries = await unzip(await zip.body());
  expect([...entries.keys()].sort()).toEqual([
    "dispute-pack.pdf",
    "manifest.json",
    "receipts/001-cancelled.eml",
  ]);
  expect(entries.get("receipts/001-cancelled.eml")).toEqual(EML);
  const manifest = JSON.parse(entries.get("manifest.json")!.toString());
  expect(manifest.receipts[0]).toMatchObject({
    sha256: sha256(EML),
    file: "receipts/001-cancelled.eml",
  });
  expect(manifest.charges).toMatchObject([
    { amount: 3000, description: "MINT MOBILE 800-683-7392 CA" },
  ]);
  expect(entries.get("dispute-pack.pdf")!.subarray(0, 5).toString()).toBe("%PDF-");
});

test("a reopen from a page opened before the case changed gets the stale message and changes nothing", async ({
  page,
}) => {
  await register(page);
  const { kase } = await confirmedCaseViaApi(page.request);
  const today = todayIn("UTC");
  const imported = await page.request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "Chase Freedom ••4242",
      file: {
        name: "Chase4242_Activity.csv",
        mimeType: "text/csv",
        buffer: chaseCsv([
          { on: addDays(today, 3), description: "MINT MOBILE 800-683-7392 CA", amount: "-30.00" },
        ]),
      },
    },
  });
  expect(imported.status()).toBe(201);
  await page.goto(`/cases/${kase.id}`);
  await ready(page);
  const reopen = page
    .locator("#charges")
    .getByRole("button", { name: "Reopen the case over this charge" });
  await expect(reopen).toBeVisible();

  // Someone else edits the case after this page was rendered.
  const edited = await page.request.patch(`/api/v1/cases/${kase.id}`, {
    headers: sameOrigin(),
    data: { confirmationNumber: "MM-55121", expectedVersion: kase.version },
  });
  expect(edited.status()).toBe(200);

  await reopen.click();
  await expect(page.locator("#charges")).toContainText("changed in another tab");
  const after = await (await page.request.get(`/api/v1/cases/${kase.id}`)).json();
  expect(after.state).toBe("confirmation_received");
  expect(after.version).toBe(kase.version + 1);
  expect(after.events.at(-1).to).toBe("confirmation_received");
});

// Exports the importer has no layout for: a new account on the statements page each.
test.describe("a statement in an unknown layout", () => {
  test.beforeEach(async ({ page }) => {
    await register(page);
    await openStatements(page);
  });

  test("an export whose columns are not recognised is mapped by hand, checked against its lines, and imported", async ({
    page,
  }) => {
    await chooseCsv(
      page,
      "credit-union.csv",
      "Booked,Narrative,Value\n2026-11-02,VISIBLE SERVICE,25.00\n2026-11-09,REFUND SHOP,-5.00\n",
    );
    const mapping = page.getByTestId("mapping");
    await expect(mapping.getByTestId("import-detected")).toContainText("could not be found");
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    // The file's three columns, chosen by hand (again for each new file).
    const mapColumns = async () => {
      await mapping.getByLabel("Date", { exact: true }).selectOption({ label: "Column 1: Booked" });
      await mapping
        .getByLabel("Description", { exact: true })
        .selectOption({ label: "Column 2: Narrative" });
      await mapping
        .getByLabel("Amount", { exact: true })
        .selectOption({ label: "Column 3: Value" });
    };
    await mapColumns();
    await mapping.getByLabel("In the amount column, a charge is").selectOption("positive");
    await expect(page.getByTestId("import-preview").locator("tbody tr").first()).toContainText(
      "$25.00",
    );
    await page.getByLabel("Card or account").fill("Credit union checking");
    // No layout says the kind of account: it is asked for a new label.
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    await page.getByLabel("Kind of account").selectOption("bank_account");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-result")).toContainText("2 new lines");
    const lines = await (await page.request.get("/api/v1/transactions")).json();
    expect(lines.items.map((l: { amount: number }) => l.amount).sort()).toEqual([-500, 2500]);

    // A file that is not a statement: a clear error, nothing stored.
    await chooseCsv(page, "notes.csv", "Booked,Narrative,Value\n2026-13-45,X,1.00\n");
    await mapColumns();
    // The sign is asked again for each new file: nothing is guessed.
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    await mapping.getByLabel("In the amount column, a charge is").selectOption("positive");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-error")).toContainText("Row 2");
    expect((await (await page.request.get("/api/v1/transactions")).json()).items).toHaveLength(2);
  });

  test("a checking account's export with a title line: the header is found, the sign is asked with the file's lines, and a withdrawal is stored as a charge", async ({
    page,
  }) => {
    await chooseCsv(
      page,
      "checking.csv",
      '"Transactions For All Accounts from Jan 2026 to Jul 2026"\n' +
        "Date,Description,Amount,Balance,Check Number\n" +
        '07/02/2026,ACH PAYMENT VERIZON WIRELESS,($89.99),"1,110.01",\n' +
        '07/01/2026,DIRECT DEPOSIT ACME,"1,200.00","1,200.00",\n',
    );
    const mapping = page.getByTestId("mapping");
    const question = mapping.getByTestId("sign-question");
    await expect(question).toContainText("($89.99)");
    await expect(question).toContainText("ACH PAYMENT VERIZON WIRELESS");
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    await mapping.getByLabel("In the amount column, a charge is").selectOption("negative");
    await expect(mapping.getByTestId("sign-question")).toHaveCount(0);
    await expect(page.getByTestId("import-preview").locator("tbody tr").first()).toContainText(
      "$89.99",
    );
    await page.getByLabel("Card or account").fill("Checking");
    // No layout says the kind of account: it is asked for a new label.
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    await page.getByLabel("Kind of account").selectOption("bank_account");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-result")).toContainText("2 new lines");
    const lines = await (await page.request.get("/api/v1/transactions")).json();
    expect(
      lines.items.map((l: { amount: number }) => l.amount).sort((a: number, b: number) => a - b),
    ).toEqual([-120000, 8999]);
  });
});

test("on a phone a flagged charge's line keeps its width next to the badge", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await register(page);
  await confirmedCaseViaApi(page.request);
  const imported = await page.request.post("/api/v1/imports", {
    headers: sameOrigin(),
    multipart: {
      account: "Chase Sapphire Reserve ••4242",
      file: {
        name: "Chase4242_Activity.csv",
        mimeType: "text/csv",
        buffer: chaseCsv([
          {
            on: addDays(todayIn("UTC"), 3),
            description: "MINT MOBILE 800-683-7392 CA",
            amount: "-30.00",
          },
        ]),
      },
    },
  });
  expect(imported.status()).toBe(201);
  await page.goto("/statements");
  await ready(page);
  const charge = page.getByTestId("charge").first();
  await expect(charge.getByTestId("charge-kind")).toHaveText("Charged after cancellation");
  // The amount and badge once kept their width and squeezed the descriptor
  // and the account beside them to a word or two a row.
  const line = await charge.getByText("MINT MOBILE 800-683-7392 CA").boundingBox();
  const card = await charge.boundingBox();
  expect(line!.width).toBeGreaterThan(card!.width * 0.6);
});
