import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { EML, PDF, PNG, sha256 } from "./files";
import { openCaseThroughUi, ready, register, registerInChinese } from "./helpers";

test("a call note, a confirmation PDF and a screenshot; confirmed by the receipt; download, .eml as text, evidence page", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "T-Mobile");

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await expect(page.getByLabel("What was said")).toBeFocused();
  await page.keyboard.type("Port-out completed; agent confirmed the line is closed.");
  await page.getByLabel("Reference or ticket number").fill("PO-55012");
  await page.getByLabel("They promised a follow-up by").fill("2099-02-01");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toContainText("PO-55012");

  await page.getByRole("button", { name: "Mark “Bill checked” done" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Bill checked");
  await page.getByRole("button", { name: "Skip to “Request submitted”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Request submitted");

  // The confirmation step points at the one upload area, where "confirmation" is preset.
  const inStep = page.getByTestId("confirmation-upload");
  await expect(inStep).toContainText("A receipt counts as proof");
  await inStep.getByRole("link", { name: "Attach it under Receipts and evidence." }).click();
  await expect(page.getByLabel("What is it?")).toHaveValue("confirmation");
  await expect(page.getByLabel("Confirmation number")).toHaveCount(1);
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({ name: "confirmation.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("receipt-list")).toContainText("confirmation.pdf");

  await page.getByLabel("What is it?").last().selectOption("screenshot");
  const uploader = page.getByTestId("dropzone").last();
  await uploader.locator("input[type=file]").setInputFiles([
    { name: "screenshot.png", mimeType: "image/png", buffer: PNG },
    { name: "cancelled.eml", mimeType: "message/rfc822", buffer: EML },
  ]);
  await expect(page.getByTestId("receipt")).toHaveCount(3);
  await expect(page.locator('[data-testid=receipt] img[src*="inline=1"]')).toHaveCount(1);

  await page.getByRole("button", { name: "Skip to “Confirmation received”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Confirmation received");

  // The PDF downloads byte for byte.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByTestId("receipt")
      .filter({ hasText: "confirmation.pdf" })
      .getByRole("link", { name: "Download" })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe("confirmation.pdf");
  expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(PDF));

  // The .eml shows as text: headers and body, never HTML. A CI run saw the
  // click, 5 ms after the download, start no navigation at all: clicked again
  // until the page changes (a second click on a plain link is harmless).
  const viewAsText = page
    .getByTestId("receipt")
    .filter({ hasText: "cancelled.eml" })
    .getByRole("link", { name: "View as text" });
  await expect(async () => {
    if (!page.url().includes("/receipts/")) await viewAsText.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/receipts\//, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("email-headers")).toContainText("Your line has been cancelled");
  await expect(page.getByTestId("receipt-text")).toContainText("Confirmation MM-55501");
  await page.getByRole("link", { name: "Back to the case" }).click();

  await page.getByRole("link", { name: "Evidence page" }).click();
  const evidence = page.getByTestId("evidence");
  await expect(evidence).toContainText("PO-55012");
  await expect(evidence).toContainText("Confirmation received");
  await expect(evidence.getByTestId("receipt-sha256").first()).toContainText(sha256(PDF));
  await expect(evidence.getByTestId("receipt-sha256")).toHaveCount(3);
});

test("an .eml whose only body is HTML shows no HTML, and an HTML file is refused in the UI", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Netflix");
  const htmlOnly = Buffer.from(
    "From: a@b.example\r\nTo: c@d.example\r\nSubject: Receipt\r\nContent-Type: text/html\r\n\r\n<html><body><img src=x onerror=alert(1)><b>Bold</b></body></html>\r\n",
  );
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.getByLabel("What is it?").last().selectOption("screenshot");
  const uploader = page.getByTestId("dropzone").last();
  await uploader.locator("input[type=file]").setInputFiles([
    { name: "html-only.eml", mimeType: "message/rfc822", buffer: htmlOnly },
    {
      name: "page.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"),
    },
  ]);
  await expect(page.getByTestId("upload-status")).toContainText(
    "page.pdf: Only PDF, PNG, JPEG, WebP, HEIC, plain text and .eml files can be attached.",
  );
  await expect(page.getByTestId("receipt")).toHaveCount(1);
  await page.getByRole("link", { name: "View as text" }).click();
  await expect(page.getByText("This email has no plain-text part.")).toBeVisible();
  await expect(page.locator("b", { hasText: "Bold" })).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("the evidence journey in Chinese", async ({ page }) => {
  await registerInChinese(page, "zh-evidence");

  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("服务商").fill("中国移动香港");
  await page.getByLabel("每期价格").fill("88");
  await page.getByRole("button", { name: "保存订阅" }).click();
  await page.getByRole("button", { name: "建立取消记录" }).click();
  await expect(page).toHaveURL(/\/cases\//);
  await ready(page);

  await page.getByRole("button", { name: "记录一次通话或联系" }).click();
  await expect(page.getByLabel("沟通内容")).toBeFocused();
  await page.keyboard.type("客服确认已提交销号申请。");
  await page.getByLabel("参考号或工单号").fill("CM-2026-01");
  await page.getByRole("button", { name: "保存记录" }).click();
  await expect(page.getByTestId("note")).toContainText("参考号 CM-2026-01");

  await page.getByRole("button", { name: "完成“核对账单”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("核对账单");
  await page.getByRole("button", { name: "跳到“提交申请”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("提交申请");
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({ name: "确认函.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("receipt-list")).toContainText("确认函.pdf");
  await page.getByRole("button", { name: "跳到“收到确认”" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("收到确认");

  await page.getByRole("link", { name: "取消证明" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("取消证明");
  await expect(page.getByTestId("evidence")).toContainText("CM-2026-01");
  await expect(page.getByTestId("evidence")).toContainText("确认函.pdf");
});

test("a receipt chosen offline, before the upload code ever loaded, fails with Retry and is sent once back online", async ({
  page,
  context,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Visible");
  await page.getByLabel("What is it?").selectOption("confirmation");
  // No pointer has been over the uploader, so its sending code is not fetched yet.
  await context.setOffline(true);
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({ name: "offline.pdf", mimeType: "application/pdf", buffer: PDF });
  const status = page.getByTestId("upload-status");
  await expect(status).toContainText("You are offline, so it was not sent.");
  await expect(page.getByTestId("receipt")).toHaveCount(0);

  await context.setOffline(false);
  await status.getByRole("button", { name: "Retry" }).click();
  await expect(status).toContainText("offline.pdf");
  await expect(page.getByTestId("receipt-list")).toContainText("offline.pdf");
  await expect(page.getByTestId("receipt")).toHaveCount(1);
});
