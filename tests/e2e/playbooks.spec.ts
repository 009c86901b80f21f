import { expect, test } from "@playwright/test";
import { logIn, ready, registerViaApi, sameOrigin } from "./helpers";

// Issue 33, playbooks in the app, on the fixture library the e2e servers
// read (playwright.config.ts): a subscription named like a playbook gets it,
// its case's guidance shows the playbook's specifics, and the call script
// reads full-screen on a phone.

test("Example Mobile: suggested, its specifics in the case, the call script full-screen at 375 px", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("Provider").fill("Example Mobile");
  await expect(page.getByTestId("playbook-suggestion")).toHaveText(
    /Looks like Example Mobile: its playbook will be used\./,
  );
  await expect(page.getByLabel("Playbook", { exact: true })).toHaveValue("example-mobile");
  // Declined, it is offered again; taken, it is the choice.
  await page.getByRole("button", { name: "Don't use it" }).click();
  await expect(page.getByLabel("Playbook", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("playbook-suggestion")).toHaveText(
    /Looks like Example Mobile — use its playbook/,
  );
  await page.getByRole("button", { name: "Use it" }).click();
  await expect(page.getByLabel("Playbook", { exact: true })).toHaveValue("example-mobile");
  await page.getByLabel("Price per billing cycle").fill("30");
  await page.getByRole("button", { name: "Save subscription" }).click();
  await expect(page.getByTestId("subscription-playbook")).toContainText(
    "Open the Example Mobile playbook",
  );

  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await ready(page);
  const guidance = page.getByTestId("playbook-guidance");
  await expect(guidance).toContainText("From the Example Mobile playbook");
  await expect(guidance.getByTestId("playbook-step")).toHaveCount(0);

  // On to the step the fixture has specifics for: payment unlinked, the cancellation next.
  const caseId = page.url().split("/").pop()!;
  let version = 1;
  for (const to of ["bill_checked", "data_backed_up", "payment_unlinked"]) {
    const moved = await page.request.post(`/api/v1/cases/${caseId}/transitions`, {
      headers: sameOrigin(),
      data: { to, expectedVersion: version },
    });
    expect(moved.status(), to).toBe(200);
    version = (await moved.json()).version;
  }
  await page.reload();
  await ready(page);
  await expect(guidance.getByTestId("playbook-step")).toContainText(
    "Get the transfer PIN before you cancel",
  );
  await expect(guidance.getByTestId("fact-sources").first()).toContainText(
    "Example Mobile Help: transfer your number",
  );
  await expect(guidance.getByRole("link", { name: "Call 1-800-555-0100" })).toHaveAttribute(
    "href",
    "tel:18005550100",
  );
  await expect(guidance.getByTestId("playbook-port-out")).toContainText("Number Lock");

  await page.setViewportSize({ width: 375, height: 740 });
  await guidance.getByRole("link", { name: "Open the Example Mobile playbook" }).click();
  await expect(page).toHaveURL(/\/playbooks\/example-mobile$/);
  await ready(page);
  await expect(page.getByTestId("policies-change")).toBeVisible();
  const opener = page.getByRole("button", { name: "Read the call script full-screen" });
  await opener.click();
  const reader = page.getByRole("dialog", { name: /Call script/ });
  await expect(reader).toBeVisible();
  const box = await reader.boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
  const line = reader.getByTestId("call-script-line");
  await expect(line).toContainText("I'd like to cancel my line today.");
  await expect(line).toContainText("我想今天取消我的线路。");
  await page.keyboard.press("ArrowRight");
  await expect(line).toContainText("Please give me a confirmation number");
  await reader.getByRole("button", { name: "Previous" }).click();
  await expect(line).toContainText("I'd like to cancel my line today.");
  await line.click();
  await expect(reader).toContainText("Line 2 of 2");
  await page.keyboard.press("Escape");
  await expect(reader).toBeHidden();
  await expect(opener).toBeFocused();
});

test("the playbooks page: search, category, an empty result; a case without a playbook is as before", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Playbooks" }).first().click();
  await expect(page).toHaveURL(/\/playbooks$/);
  const list = page.getByTestId("playbook-list");
  await expect(list.getByRole("link")).toHaveCount(2);
  await page.getByLabel("Search providers").fill("示例视频");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(list.getByRole("link")).toHaveText([/Example Stream/]);
  await page.goto("/playbooks?category=mobile");
  await expect(list.getByRole("link")).toHaveText([/Example Mobile.*Difficulty 3\/5/]);
  await page.goto("/playbooks?q=nothing+like+it");
  await expect(page.getByRole("heading", { name: "No playbook matches" })).toBeVisible();
  expect((await page.goto("/playbooks/no-such-provider"))?.status()).toBe(404);

  const created = await page.request.post("/api/v1/subscriptions", {
    headers: sameOrigin(),
    data: {
      provider: "Corner Gym",
      category: "fitness",
      amount: 4000,
      currency: "USD",
      billingCycle: "monthly",
    },
  });
  expect((await created.json()).playbookSlug).toBeNull();
  const opened = await page.request.post("/api/v1/cases", {
    headers: sameOrigin(),
    data: { subscriptionId: (await created.json()).id, reason: "cost" },
  });
  await page.goto(`/cases/${(await opened.json()).id}`);
  await expect(page.getByTestId("guidance")).toContainText("Start with the bill.");
  await expect(page.getByTestId("playbook-guidance")).toHaveCount(0);
});

test("'This is out of date' on a fact: saved under it with its day, kept on reload, deleted", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/playbooks/example-mobile");
  await ready(page);

  const portOut = page.getByTestId("playbook-port-out");
  await portOut.getByText("This is out of date").click();
  const form = portOut.getByRole("form", { name: "This is out of date" });
  // Refused first: a source that is not a web address; what was typed stays.
  await form
    .getByLabel("What is out of date, or what is true now")
    .fill("The PIN now lasts 3 days.");
  await form.getByLabel("A page that says so").fill("ftp://example.com/pin");
  await form.getByRole("button", { name: "Save the correction" }).click();
  await expect(form.getByText("Enter a full web address starting with https://.")).toBeVisible();
  await expect(form.getByLabel("What is out of date, or what is true now")).toHaveValue(
    "The PIN now lasts 3 days.",
  );
  await form.getByLabel("A page that says so").fill("https://help.example.com/port-out");
  await form.getByRole("button", { name: "Save the correction" }).click();

  const correction = portOut.getByTestId("correction");
  await expect(correction).toHaveCount(1);
  await expect(correction).toContainText("Reported out of date on");
  await expect(correction).toContainText("your note");
  await expect(correction).toContainText("The PIN now lasts 3 days.");
  // Only under the fact it is about.
  await expect(page.getByTestId("playbook-refunds").getByTestId("correction")).toHaveCount(0);
  // Not for everyone: this account does not run the server.
  await expect(page.getByLabel(/Show it to everyone/)).toHaveCount(0);

  await page.reload();
  await ready(page);
  await expect(page.getByTestId("playbook-port-out").getByTestId("correction")).toContainText(
    "The PIN now lasts 3 days.",
  );
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("playbook-port-out").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("playbook-port-out").getByTestId("correction")).toHaveCount(0);
  const left = await page.request.get("/api/v1/playbooks/example-mobile/corrections");
  expect((await left.json()).items).toEqual([]);
});
