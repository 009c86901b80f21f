import { expect, test } from "@playwright/test";
import { apiUser, logIn, ready } from "./helpers";

// Issue 37: the dashboard's HTML is proportional to a screen, not to the data.
test("a dashboard of 200 subscriptions lists a screenful and links to all 200", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  for (let i = 0; i < 200; i++) {
    const response = await request.post("/api/v1/subscriptions", {
      headers: user.auth,
      data: {
        provider: `Carrier ${String(i).padStart(3, "0")}`,
        category: "mobile",
        amount: 1000 + i,
        currency: "USD",
        billingCycle: "monthly",
      },
    });
    expect(response.status()).toBe(201);
  }
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await ready(page);
  await expect(page.getByTestId("without-case").getByRole("listitem")).toHaveCount(8);

  // The dashboard's links are plain anchors; the page still changes without a full load.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole("link", { name: "See all 200 not being cancelled yet" }).click();
  await expect(page).toHaveURL(/\/subscriptions\?show=no-case$/);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await expect(page.getByTestId("subscriptions-shown")).toContainText(
    "Still billed, with no cancellation case: 200",
  );
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("Page 1 of 4 · 200 subscriptions")).toBeVisible();
  // The next page and a new sort keep the view.
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/show=no-case.*page=2/);
  await expect(page.getByText("Page 2 of 4 · 200 subscriptions")).toBeVisible();
  await page.getByRole("link", { name: /^Price\W+sort$/ }).click();
  await expect(page).toHaveURL(/show=no-case.*sort=price/);
  // So do the table's: a row opens its subscription in the same document.
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/subscriptions\/[^/?]+$/);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await page.goBack();
  await expect(page.getByText("Page 1 of 4 · 200 subscriptions")).toBeVisible();

  await page.getByRole("link", { name: "Show all subscriptions" }).click();
  await expect(page).toHaveURL(/\/subscriptions\?sort=price&dir=asc$/);
  await expect(page.getByTestId("subscriptions-shown")).toHaveCount(0);
});
