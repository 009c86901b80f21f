import { expect, test } from "@playwright/test";
import { apiUser, PASSWORD, ready, register } from "./helpers";

// The security log: GET /api/v1/me/security-events (the contract's shape,
// its pages and limits) and Settings → Security.

test("the API lists the caller's events newest first, in bounded pages; anonymous gets 401", async ({
  request,
}) => {
  const anonymous = await request.get("/api/v1/me/security-events");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");

  const user = await apiUser(request); // its token is the first event
  for (const name of ["second", "third"]) {
    const issued = await request.post("/api/v1/auth/token", {
      headers: { "User-Agent": "backup-script/1.0" },
      data: { email: user.email, password: PASSWORD, name },
    });
    expect(issued.status()).toBe(201);
  }

  const first = await request.get("/api/v1/me/security-events?limit=2", { headers: user.auth });
  expect(first.status()).toBe(200);
  const page1 = await first.json();
  expect(page1.items).toHaveLength(2);
  expect(page1.items[0]).toEqual({
    id: expect.any(String),
    kind: "token_created",
    at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    userAgent: "backup-script/1.0",
  });
  expect(Date.parse(page1.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page1.items[1].at));
  expect(page1.nextCursor).toEqual(expect.any(String));

  const second = await request.get(
    `/api/v1/me/security-events?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
    { headers: user.auth },
  );
  const page2 = await second.json();
  expect(page2.items).toHaveLength(1);
  expect(page2.nextCursor).toBeNull();
  const ids = [...page1.items, ...page2.items].map((e: { id: string }) => e.id);
  expect(new Set(ids).size).toBe(3);

  for (const limit of ["0", "101", "x"]) {
    const refused = await request.get(`/api/v1/me/security-events?limit=${limit}`, {
      headers: user.auth,
    });
    expect(refused.status(), limit).toBe(400);
    expect((await refused.json()).error.code).toBe("validation_failed");
  }
  const bad = await request.get("/api/v1/me/security-events?cursor=not-ours", {
    headers: user.auth,
  });
  expect(bad.status()).toBe(400);
  const all = await request.get("/api/v1/me/security-events?limit=100", { headers: user.auth });
  expect((await all.json()).items).toHaveLength(3);
});

test("Settings → Security lists the sign-in and a new token, and pages to older ones", async ({
  page,
}) => {
  const email = await register(page);
  // More than a page (20) of events: the sign-in, then 21 tokens.
  for (let i = 1; i <= 21; i++) {
    const issued = await page.request.post("/api/v1/auth/token", {
      data: { email, password: PASSWORD, name: `Script ${i}` },
    });
    expect(issued.status()).toBe(201);
  }
  await page.goto("/settings#security");
  await ready(page);
  const log = page.locator("#security");
  await expect(log.getByRole("heading", { name: "Security log" })).toBeVisible();
  const rows = log.getByTestId("security-events").locator("li");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText("API token created “Script 21”");

  await log.getByTestId("security-older").click();
  await expect(page).toHaveURL(/security=/);
  await expect(rows).toHaveCount(2);
  await expect(rows.last()).toContainText("Signed in from a new device");
  await expect(log.getByTestId("security-older")).toHaveCount(0);
  await log.getByRole("link", { name: "Back to the newest" }).click();
  await expect(rows).toHaveCount(20);
});
