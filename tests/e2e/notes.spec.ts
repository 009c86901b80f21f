import { expect, test } from "@playwright/test";
import { apiCase, apiUser, logIn, openCaseThroughUi, ready, register } from "./helpers";

test("log a phone call during the call, see it in the timeline, find it by reference, edit and delete it", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Comcast Xfinity", "80");

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  // The cursor starts in the summary; channel and time already say "phone, now".
  await expect(page.getByLabel("What was said")).toBeFocused();
  await expect(page.getByLabel("How")).toHaveValue("phone");
  await expect(page.getByLabel("When", { exact: true })).not.toHaveValue("");
  await page.keyboard.type("Asked to cancel. Agent offered 3 months at half price; declined.");
  await page.getByLabel("Agent name or ID").fill("Marcus #4411");
  await page.getByLabel("Reference or ticket number").fill("CR-7781-22");
  await page.getByLabel("Minutes").fill("35");
  await page.getByLabel("They promised a follow-up by").fill("2099-03-01");
  await page.getByRole("button", { name: "Save note" }).click();

  const note = page.getByTestId("note");
  await expect(note).toContainText("Phone call");
  await expect(note).toContainText("Agent: Marcus #4411");
  await expect(note).toContainText("Ref. CR-7781-22");
  await expect(note).toContainText("35 min");
  await expect(page.getByTestId("next-follow-up")).toHaveText("Mar 1, 2099");

  await note.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Outcome").fill("Cancellation ticket opened");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("note")).toContainText("Outcome: Cancellation ticket opened");

  await page.goto("/notes?q=cr-7781");
  await expect(page.getByTestId("note-results")).toContainText("Comcast Xfinity");
  // The same search finds the case by its provider.
  await page.goto("/notes?q=xfinity");
  await expect(page.getByTestId("case-results")).toContainText("Comcast Xfinity");
  await page.goto("/notes?q=cr-7781");
  await page.getByTestId("note-results").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\//);
  await ready(page);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("note").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("note")).toHaveCount(0);
  await page.goto("/notes?q=cr-7781");
  await expect(page.getByText("Nothing matches “cr-7781”.")).toBeVisible();
});

test("a long history shows its newest 50 entries and links to all of them", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  const { kase } = await apiCase(request, user.auth);
  for (let i = 0; i < 60; i++) {
    const occurredAt = new Date(Date.UTC(2026, 9, 1, 9, i)).toISOString();
    await request.post(`/api/v1/cases/${kase.id}/notes`, {
      headers: user.auth,
      data: { channel: "chat", occurredAt, summary: `message number ${i}` },
    });
  }
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/cases/${kase.id}`);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator(":scope > li")).toHaveCount(50);
  await expect(timeline).toContainText("message number 59");
  await expect(timeline.getByText("message number 0", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Showing the latest 50 of 61 entries.")).toBeVisible();

  await page.getByRole("link", { name: "Show all 61 entries" }).click();
  await expect(page).toHaveURL(/history=all/);
  await expect(timeline.locator(":scope > li")).toHaveCount(61);
  await expect(timeline.getByText("message number 0", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Show all/ })).toHaveCount(0);
});

test("if the note form's code cannot be fetched, the page says so, and Retry fetches it again", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Visible", "25");
  // Everything the page needed has loaded; what is fetched from now on is the
  // lazily loaded form, and it fails as it would offline or after a rebuild.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.getByRole("button", { name: "Log a call or contact" }).click();
  await expect(page.getByText("This part of the page could not load.")).toBeVisible();
  // The rest of the page still works.
  await expect(page.getByTestId("case-state")).toHaveText("Case opened");
  // The network back, Retry fetches the form's code again, without a reload.
  await page.unroute("**/_next/static/chunks/**");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByLabel("What was said")).toBeVisible();
  await expect(page.getByText("This part of the page could not load.")).toHaveCount(0);
});

test("a history longer than a page holds points to the full record, which has every entry", async ({
  page,
  request,
}) => {
  const user = await apiUser(request);
  const { kase } = await apiCase(request, user.auth);
  for (let i = 0; i < 120; i++) {
    const occurredAt = new Date(Date.UTC(2026, 8, 1, 9, i)).toISOString();
    const response = await request.post(`/api/v1/cases/${kase.id}/notes`, {
      headers: user.auth,
      data: { channel: "chat", occurredAt, summary: `entry number ${i}` },
    });
    expect(response.status()).toBe(201);
  }
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/cases/${kase.id}?history=all`);
  const timeline = page.getByTestId("timeline");
  // The newest 100 notes and the case's opening: nothing older than the oldest note shown.
  await expect(timeline.locator(":scope > li")).toHaveCount(101);
  await expect(timeline.getByText("entry number 19", { exact: true })).toHaveCount(0);
  await expect(
    page.getByText("Older entries of this long history are in the full record."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Open the full record" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}/evidence$`));
  // In parts of 100 contact notes, oldest first.
  await expect(page.getByRole("heading", { name: "Contact log, part 1 of 2" })).toBeVisible();
  for (const i of [0, 19, 99]) {
    await expect(page.getByText(`entry number ${i}`, { exact: true })).toBeVisible();
  }
  await page
    .getByRole("navigation", { name: "Parts of the contact log" })
    .getByRole("link", { name: "2" })
    .click();
  await expect(page.getByRole("heading", { name: "Contact log, part 2 of 2" })).toBeVisible();
  await expect(page.getByText("entry number 119", { exact: true })).toBeVisible();
  await expect(page.getByText("entry number 99", { exact: true })).toHaveCount(0);
});
