import { expect, test } from "@playwright/test";
import { openCaseThroughUi, ready, register } from "./helpers";

const PAYLOAD = `<img src=x onerror=alert(1)>`;

test("markup typed into a provider name, a note or a file name renders as text and never runs", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await register(page);
  await openCaseThroughUi(page, `Evil ${PAYLOAD}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PAYLOAD);

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await expect(page.getByLabel("What was said")).toBeFocused();
  await page.keyboard.type(`They said ${PAYLOAD} <script>alert(2)</script>`);
  await page.getByLabel("Agent name or ID").fill(PAYLOAD);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note")).toContainText("<script>alert(2)</script>");

  await page.getByLabel("What is it?").last().selectOption("correspondence");
  await page
    .getByTestId("dropzone")
    .last()
    .locator("input[type=file]")
    .setInputFiles({
      name: `${PAYLOAD}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`Receipt text ${PAYLOAD}`),
    });
  await expect(page.getByTestId("receipt-list")).toContainText(PAYLOAD);
  await page.getByRole("link", { name: "View as text" }).click();
  await expect(page.getByTestId("receipt-text")).toContainText(PAYLOAD);

  for (const path of [
    "/subscriptions",
    "/cases",
    "/dashboard",
    `/notes?q=${encodeURIComponent("They said")}`,
  ]) {
    await page.goto(path);
    await ready(page);
  }
  await expect(page.getByTestId("note-results")).toContainText(PAYLOAD);
  // No element from the payload exists anywhere, and nothing ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
