import { expect, test } from "@playwright/test";
import { MOBILE_PLAN, apiUser, logIn, openCaseThroughUi, ready, register } from "./helpers";

test("a failed website attempt: the case suggests the next channel", async ({ page }) => {
  await register(page);
  await openCaseThroughUi(page, "Planet Fitness", "25");
  await expect(page.getByTestId("next-channel")).toHaveCount(0);

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await page
    .getByLabel("What was said")
    .fill("Looked through the whole account page: nothing to cancel with.");
  await page.getByLabel("How").selectOption({ label: "Website or app" });
  await page.getByLabel("Did it fail?").selectOption({ label: "No cancel option found" });
  await page.getByRole("button", { name: "Save note" }).click();

  await expect(page.getByTestId("note-failed")).toHaveText("Failed: No cancel option found");
  await expect(page.getByTestId("next-channel")).toContainText(
    "Website or app: No cancel option found. Next, try Phone call, then Chat,",
  );
});

test("a confirmed case's checklist: two items ticked show dated in the history", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  // Opened and confirmed days ago: an item can be dated any day since the confirmation.
  const sub = await request.post("/api/v1/subscriptions", {
    headers: user.auth,
    data: MOBILE_PLAN,
  });
  const opened = await request.post("/api/v1/cases", {
    headers: user.auth,
    data: { subscriptionId: (await sub.json()).id, reason: "cost", occurredOn: day(-6) },
  });
  expect(opened.status()).toBe(201);
  const kase = await opened.json();
  let version = kase.version as number;
  for (const step of [
    { to: "bill_checked" },
    { to: "request_submitted" },
    { to: "confirmation_received", confirmationNumber: "PF-2211" },
  ]) {
    const moved = await request.post(`/api/v1/cases/${kase.id}/transitions`, {
      headers: user.auth,
      data: { ...step, occurredOn: day(-5), expectedVersion: version },
    });
    expect(moved.status()).toBe(200);
    version = (await moved.json()).version;
  }
  const shown = (date: string) =>
    new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${date}T00:00:00Z`),
    );

  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/cases/${kase.id}`);
  await ready(page);
  const checklist = page.getByTestId("checklist");
  await expect(checklist).toBeVisible();

  const bill = checklist.getByRole("form", { name: "Final bill checked" });
  await bill.getByLabel("Done on").fill(day(-3));
  await bill.getByRole("button", { name: "Mark done" }).click();
  await expect(bill.getByTestId("check-done")).toHaveText(`Done ${shown(day(-3))}`);

  const device = checklist.getByRole("form", { name: "Device returned" });
  await device.getByRole("button", { name: "Mark done" }).click();
  await expect(device.getByTestId("check-done")).toHaveText(`Done ${shown(day(0))}`);

  const history = page.getByTestId("timeline-check");
  await expect(history).toHaveCount(2);
  await expect(history.filter({ hasText: "Final bill checked" })).toContainText(
    `Done ${shown(day(-3))}`,
  );
  await expect(history.filter({ hasText: "Device returned" })).toContainText(
    `Done ${shown(day(0))}`,
  );
  // The same record through the API.
  const listed = await request.get(`/api/v1/cases/${kase.id}/checklist`, { headers: user.auth });
  expect((await listed.json()).items.map((c: { item: string }) => c.item)).toEqual([
    "final_bill_checked",
    "device_returned",
  ]);
});
