import { expect, test } from "@playwright/test";
import ical, { type VEvent } from "node-ical";
import { apiCase, apiUser, ready, register } from "./helpers";

// The private calendar feed (issue 13): what a calendar app subscribes to.
test("the calendar feed holds follow-ups, promised call-backs and renewals, and dies when replaced or turned off", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase } = await apiCase(request, auth);
  const note = await request.post(`/api/v1/cases/${kase.id}/notes`, {
    headers: auth,
    data: {
      channel: "phone",
      occurredAt: "2026-11-20T10:00:00Z",
      summary: "They will call back",
      followUpOn: "2099-02-03",
    },
  });
  expect(note.status()).toBe(201);
  expect(
    (
      await request.patch(`/api/v1/cases/${kase.id}`, {
        headers: auth,
        data: { nextFollowUpOn: "2099-01-15" },
      })
    ).status(),
  ).toBe(200);

  const created = await request.post("/api/v1/me/calendar-feed", { headers: auth });
  expect(created.status()).toBe(201);
  const { url } = await created.json();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(url).pathname;

  // No session, no token header: the address alone.
  const feed = await request.get(path, { headers: { Cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(feed.headers()["cache-control"]).toContain("no-store");
  const events = Object.values(ical.sync.parseICS(await feed.text())).filter(
    (c): c is VEvent => c?.type === "VEVENT",
  );
  const byTitle = (title: string) => events.find((e) => e.summary === title);
  const followUp = byTitle("Follow up: Mint Mobile");
  const promised = byTitle("Call-back promised: Mint Mobile");
  const renewal = byTitle("Renews: Mint Mobile");
  expect(followUp?.datetype).toBe("date");
  expect(followUp?.start.toISOString().slice(0, 10)).toBe("2099-01-15");
  expect(promised?.start.toISOString().slice(0, 10)).toBe("2099-02-03");
  expect(renewal?.start.toISOString().slice(0, 10)).toBe("2026-12-15");
  // node-ical gives the URL as {params, val}.
  expect(JSON.stringify(followUp?.url)).toContain(`/cases/${kase.id}`);
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

  // A new address replaces the old one at once.
  const again = await request.post("/api/v1/me/calendar-feed", { headers: auth });
  const next = new URL((await again.json()).url).pathname;
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get(next)).status()).toBe(200);

  // Off: the address is dead, and so is anything that only looks like one.
  expect((await request.delete("/api/v1/me/calendar-feed", { headers: auth })).status()).toBe(204);
  expect((await request.get(next)).status()).toBe(404);
  expect((await request.get("/calendar/cal_nope.ics")).status()).toBe(404);
  expect((await request.post("/api/v1/me/calendar-feed")).status()).toBe(401);
});

test("Settings turns the calendar feed on, shows the address once with how to subscribe, and off", async ({
  page,
}) => {
  await register(page);
  await page.goto("/settings");
  await ready(page);
  const card = page.getByTestId("calendar-feed");
  await expect(card).toContainText("Off.");
  await card.getByRole("button", { name: "Turn on the calendar feed" }).click();
  const address = card.getByTestId("calendar-url");
  await expect(address).toHaveText(/\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(card.getByRole("link", { name: "Open in your calendar app" })).toHaveAttribute(
    "href",
    /^webcal:\/\//,
  );
  await expect(card).toContainText("Google Calendar");
  // The first address replaced none: nothing "stopped working" (issue 36).
  await expect(card.getByTestId("calendar-new-body")).not.toContainText("stopped working");
  const first = new URL((await address.textContent())!).pathname;
  expect((await page.request.get(first)).status()).toBe(200);
  await expect(card).toContainText("On since");
  await card.getByRole("button", { name: "Make a new address" }).click();
  await expect(card.getByTestId("calendar-new-body")).toContainText("stopped working");
  await expect(address).not.toHaveText(new RegExp(`${first}$`));
  const second = new URL((await address.textContent())!).pathname;
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(second)).status()).toBe(200);

  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Turn off" }).click();
  await expect(card).toContainText("Off.");
  expect((await page.request.get(second)).status()).toBe(404);
});
