import { expect, test } from "@playwright/test";
import { openCaseThroughUi, ready, register } from "./helpers";

test("log a phone call during the call, see it in the timeline, find it by reference, edit and delete it", async ({
  page,
}) => {
  await register(page);
  await openCaseThroughUi(page, "Comcast Xfinity", "80");

  await page.getByRole("button", { name: "Log a call or contact" }).click();
  // The cursor starts in the summary; channel and time already say "phone, now".
  await expect(page.getByLabel("What was said")).toBeFocused();
  await expect(page.getByLabel("How")).toHaveValue("phone");
  await expect(page.getByLabel("When")).not.toHaveValue("");
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
  await page.getByTestId("note-results").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\//);
  await ready(page);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("note").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("note")).toHaveCount(0);
  await page.goto("/notes?q=cr-7781");
  await expect(page.getByText("No notes match “cr-7781”.")).toBeVisible();
});
