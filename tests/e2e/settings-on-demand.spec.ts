import { expect, test } from "@playwright/test";
import { ready, register } from "./helpers";

// Issue 37: Settings' click-only forms (add a channel, add a passkey, turn
// two-factor on) are fetched on the click, not with the page; they open
// from the keyboard as from the mouse, and Cancel brings the button back.
test("Settings' on-demand forms load on the click and open from the keyboard", async ({ page }) => {
  await register(page);
  await page.goto("/settings");
  await ready(page);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  const card = page.locator("#channels");
  const add = card.getByRole("button", { name: "Add a channel" });
  await expect(card.getByTestId("channel-add-form")).toHaveCount(0);

  await add.focus();
  await page.keyboard.press("Enter");
  const form = card.getByTestId("channel-add-form");
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Service")).toBeVisible();
  await expect(form.getByLabel("Name")).toBeVisible();
  // Its code was not part of the page: the click fetched it.
  expect(scripts.length).toBeGreaterThan(0);
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toHaveCount(0);
  await expect(add).toBeVisible();

  // The chunk came with the first click: the other forms open at once.
  await page.locator("#passkeys").getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.locator("#passkeys").getByLabel("Current password")).toBeFocused();
  await page.locator("#two-factor").getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.locator("#two-factor").getByLabel("Current password")).toBeVisible();
});

test("offline, an on-demand form says it could not load; back online, Retry opens it", async ({
  page,
  context,
}) => {
  await register(page);
  await page.goto("/settings");
  await ready(page);
  const card = page.locator("#channels");
  await context.setOffline(true);
  await card.getByRole("button", { name: "Add a channel" }).click();
  await expect(card.getByText("This part of the page could not load.")).toBeVisible();
  await context.setOffline(false);
  await card.getByRole("button", { name: "Retry" }).click();
  await expect(card.getByTestId("channel-add-form").getByLabel("Service")).toBeVisible();
});
