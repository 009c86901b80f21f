import { expect, test, type Page } from "@playwright/test";
import { apiCase, apiUser, logIn, ready } from "./helpers";

// What a keyboard or screen-reader user is told after a save: focus never
// falls to the page's body, and the result is put into a live region that
// was in the page before it (a region that appears with its text is missed).

async function openCase(page: Page, request: Parameters<typeof apiUser>[0]) {
  const user = await apiUser(request);
  const { kase } = await apiCase(request, user.auth);
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/cases/${kase.id}`);
  await ready(page);
}

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "");

test("saving a note says so in a status region that was already there, and focus goes to it", async ({
  page,
  request,
}) => {
  await openCase(page, request);
  const status = page.getByTestId("note-status");
  // The region is in the page before anything is saved, empty.
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveText("");
  const before = await status.elementHandle();

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page.getByLabel("What was said").fill("Asked to cancel; agent said it is done.");
  await page.getByRole("button", { name: "Save note" }).click();

  await expect(status).toHaveText("Note saved.");
  // The same element, not a new one put in with its text.
  expect(await before!.evaluate((node) => node.isConnected && node.textContent)).toBe(
    "Note saved.",
  );
  await expect(status).toBeFocused();
  expect(await focusedTag(page)).not.toBe("BODY");
});

test("a refused note moves focus to the first field in error, which names its error", async ({
  page,
  request,
}) => {
  await openCase(page, request);
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page.getByLabel("What was said").fill("Called; long agent id.");
  const agent = page.getByLabel("Agent name or ID");
  await agent.fill("A".repeat(101));
  await page.getByRole("button", { name: "Save note" }).click();

  await expect(agent).toBeFocused();
  await expect(agent).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await agent.getAttribute("aria-describedby")) ?? "";
  expect(describedBy).toContain("-error");
});

test("saving the case's details keeps focus on Save (aria-disabled while it saves, never disabled) and says Saved", async ({
  page,
  request,
}) => {
  await openCase(page, request);
  const save = page.getByRole("button", { name: "Save details" });
  await page.getByLabel("Confirmation number").fill("CONF-1");
  // Watch the button from the click on: it is never `disabled` (focus would fall to the body).
  await page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find(
      (b) => b.textContent === "Save details",
    )!;
    (window as unknown as { sawDisabled: boolean }).sawDisabled = false;
    new MutationObserver(() => {
      if (button.disabled) (window as unknown as { sawDisabled: boolean }).sawDisabled = true;
    }).observe(button, { attributes: true });
  });
  await save.click();
  const region = page.getByRole("status").filter({ hasText: "Saved" });
  await expect(region).toBeVisible();
  await expect(save).toBeFocused();
  expect(
    await page.evaluate(() => (window as unknown as { sawDisabled: boolean }).sawDisabled),
  ).toBe(false);
});

test("on a phone, a failed save's alert is brought into view and focused", async ({
  page,
  request,
  context,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openCase(page, request);
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page.getByLabel("What was said").fill("Said while the train went into a tunnel.");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Save note" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "offline" });
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await context.setOffline(false);
});

test("the phone menu is a dialog: focus goes in, Tab stays in, Escape returns focus to its button", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openCase(page, request);
  const button = page.locator("button[aria-controls=mobile-menu]");
  await button.click();
  const menu = page.locator("#mobile-menu");
  await expect(menu).toHaveAttribute("role", "dialog");
  await expect(menu).toHaveAttribute("aria-modal", "true");
  const inside = () =>
    page.evaluate(() => {
      const menu = document.getElementById("mobile-menu");
      const active = document.activeElement;
      return Boolean(menu && active && (menu.contains(active) || active.closest("header")));
    });
  expect(await inside()).toBe(true);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    expect(await inside(), `after ${i + 1} Tab`).toBe(true);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await inside(), `after ${i + 1} Shift+Tab`).toBe(true);
  }
  // The page behind is inert while the menu is open.
  expect(await page.locator("main").evaluate((main) => main.closest("[inert]") !== null)).toBe(
    true,
  );
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("the receipt uploader's file input takes no tab stop; its visible button does, with a ring", async ({
  page,
  request,
}) => {
  await openCase(page, request);
  const uploader = page.getByTestId("dropzone");
  const input = uploader.locator("input[type=file]");
  expect(await input.evaluate((element) => (element as HTMLInputElement).tabIndex)).toBe(-1);
  // (A file input's role is "button" too: the visible one is the <button>.)
  const choose = uploader.locator("button", { hasText: "choose files" });
  await choose.focus();
  await page.keyboard.press("Tab");
  expect(await input.evaluate((element) => element === document.activeElement)).toBe(false);
  await page.keyboard.press("Shift+Tab");
  await expect(choose).toBeFocused();
  expect(await choose.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe(
    "none",
  );
});

test("a refused sign-in is said in an alert region that was already there, which takes focus", async ({
  page,
}) => {
  await page.goto("/login");
  await ready(page);
  const region = page.locator("form [role=alert]");
  await expect(region).toHaveCount(1);
  await expect(region).toHaveText("");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-error")).toBeFocused();
  await expect(region).toContainText("don't match an account");
});

test("/favicon.ico is served", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\//);
});
