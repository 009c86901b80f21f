import { expect, test } from "@playwright/test";
import { ready, register } from "./helpers";

// Decision 030: links are plain anchors that one document listener opens
// client-side; what the browser should do itself (a new tab, an in-page
// jump) it still does.
test("links open in the app without a page load; ctrl-click and the skip link stay the browser's", async ({
  page,
  context,
}) => {
  await register(page);
  await ready(page);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const marker = () => page.evaluate(() => (window as unknown as { marker?: number }).marker);
  const nav = page.getByRole("navigation", { name: "Main" }).first();

  await nav.getByRole("link", { name: "Subscriptions" }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscriptions");
  expect(await marker()).toBe(1);

  const opened = context.waitForEvent("page");
  await nav.getByRole("link", { name: "Cases" }).click({ modifiers: ["ControlOrMeta"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/cases");
  await tab.close();
  await expect(page).toHaveURL(/\/subscriptions$/);

  // An in-page link (the skip link) is the browser's: it jumps, no navigation.
  const skip = page.getByRole("link", { name: "Skip to content" });
  await skip.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/subscriptions#main$/);
  expect(await marker()).toBe(1);
});
