import { expect, test } from "@playwright/test";
import { apiUser, logIn, MOBILE_PLAN, ready } from "./helpers";

test("the subscriptions table shows 50 rows a page, sorted on the server, with previous/next links", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  for (let i = 0; i < 55; i++) {
    const provider = `Carrier ${String(i).padStart(2, "0")}`;
    const response = await request.post("/api/v1/subscriptions", {
      headers: user.auth,
      data: { ...MOBILE_PLAN, provider, amount: 1000 + i },
    });
    expect(response.status()).toBe(201);
  }
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/subscriptions");
  await ready(page);
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Carrier 00");
  await expect(page.getByText("Page 1 of 2 · 55 subscriptions")).toBeVisible();
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText("Carrier 54");
  await expect(page.getByText("Page 2 of 2 · 55 subscriptions")).toBeVisible();

  // Sorting by price, most expensive first, starts again on page 1.
  // Each click navigates; wait for it, or the second click hits the old link.
  await page.getByRole("link", { name: /^Price\W+sort$/ }).click();
  await expect(page).toHaveURL(/sort=price&dir=asc$/);
  await expect(rows.first()).toContainText("Carrier 00");
  await page.getByRole("link", { name: /^Price\W+sort$/ }).click();
  await expect(page).toHaveURL(/sort=price&dir=desc$/);
  await expect(rows.first()).toContainText("Carrier 54");
  await expect(page.getByText("Page 1 of 2 · 55 subscriptions")).toBeVisible();
});

test("on a phone, where the column headers are not shown, the list sorts from a form", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  for (const [provider, amount] of [
    ["Cheap plan", 500],
    ["Dear plan", 9000],
    ["Middle plan", 2500],
  ] as const) {
    const response = await request.post("/api/v1/subscriptions", {
      headers: user.auth,
      data: { ...MOBILE_PLAN, provider, amount },
    });
    expect(response.status()).toBe(201);
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/subscriptions");
  await ready(page);
  await expect(page.getByRole("link", { name: /^Price\W+sort$/ })).toBeHidden();
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toContainText("Cheap plan");

  const form = page.getByRole("form", { name: "Sort the list" });
  await form.getByLabel("Sort by", { exact: true }).selectOption("price");
  await form.getByLabel("Order", { exact: true }).selectOption("desc");
  await form.getByRole("button", { name: "Sort", exact: true }).click();
  await expect(page).toHaveURL(/\/subscriptions\?sort=price&dir=desc$/);
  await expect(rows.first()).toContainText("Dear plan");
  await expect(rows.last()).toContainText("Cheap plan");
  // The form says how the list is sorted now.
  await expect(form.getByLabel("Sort by", { exact: true })).toHaveValue("price");
  await expect(form.getByLabel("Order", { exact: true })).toHaveValue("desc");
});
