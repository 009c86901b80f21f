import { expect, test } from "@playwright/test";
import { logIn, PASSWORD, ready, register, uniqueEmail } from "./helpers";

test("register and exchange credentials for a token that authenticates requests", async ({
  request,
}) => {
  const email = uniqueEmail("api");
  const registered = await request.post("/api/v1/auth/register", {
    data: { email: email.toUpperCase(), password: PASSWORD, name: "Script" },
  });
  expect(registered.status()).toBe(201);
  const account = await registered.json();
  expect(account).toEqual({ id: expect.any(String), email });

  const issued = await request.post("/api/v1/auth/token", {
    data: { email, password: PASSWORD, name: "ci" },
  });
  expect(issued.status()).toBe(201);
  const { token } = await issued.json();
  expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);

  const withToken = await request.get("/api/v1/me", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(withToken.status()).toBe(200);
  expect(await withToken.json()).toMatchObject({
    id: account.id,
    email,
    name: "Script",
    emailVerifiedAt: null,
  });

  const without = await request.get("/api/v1/me");
  expect(without.status()).toBe(401);
  expect(await without.json()).toEqual({
    error: { code: "unauthorized", message: expect.any(String) },
  });

  const forged = await request.get("/api/v1/me", {
    headers: { Authorization: `Bearer cc_${"x".repeat(43)}` },
  });
  expect(forged.status()).toBe(401);
});

test("validation errors are 400 with the field named and count nothing", async ({ request }) => {
  const bad = await request.post("/api/v1/auth/register", {
    data: { email: "nope", password: "short" },
  });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({
    error: {
      code: "validation_failed",
      message: expect.any(String),
      fields: {
        email: [expect.stringContaining("valid email")],
        password: [expect.stringContaining("8 characters")],
      },
      // The same, as codes a client can translate.
      fieldCodes: { email: ["email_invalid"], password: ["password_too_short"] },
    },
  });

  const malformed = await request.post("/api/v1/auth/token", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");
});

test("a lone UTF-16 surrogate in any field is 400 naming it, anonymously, not a 500", async ({
  request,
}) => {
  // JSON can carry "\ud800" (valid JSON, not text); written raw so no client repairs it.
  const raw = (path: string, body: string) =>
    request.post(path, { headers: { "Content-Type": "application/json" }, data: body });
  const email = uniqueEmail("surrogate");
  const cases = [
    [
      "/api/v1/auth/register",
      `{"email":"${email}","password":"${PASSWORD}","name":"A\\ud800"}`,
      "name",
    ],
    ["/api/v1/auth/register", `{"email":"${email}","password":"${PASSWORD}\\udc00"}`, "password"],
    ["/api/v1/auth/token", `{"email":"${email}","password":"x\\ud800"}`, "password"],
  ] as const;
  for (const [path, body, field] of cases) {
    const response = await raw(path, body);
    expect(response.status(), `${path} ${field}`).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe("validation_failed");
    expect(error.fieldCodes).toEqual({ [field]: ["text_malformed"] });
  }
  // Nothing was created: the address is still free.
  const created = await request.post("/api/v1/auth/register", {
    data: { email, password: PASSWORD },
  });
  expect(created.status()).toBe(201);
});

test("wrong credentials get 401 with the same body for an unknown email", async ({ request }) => {
  const email = uniqueEmail("same");
  await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD } });
  const wrong = await request.post("/api/v1/auth/token", {
    data: { email, password: "wrong password here" },
  });
  const unknown = await request.post("/api/v1/auth/token", {
    data: { email: uniqueEmail("nobody"), password: PASSWORD },
  });
  expect(wrong.status()).toBe(401);
  expect(unknown.status()).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
});

test("the 11th wrong password is 429 with Retry-After, and a spoofed X-Forwarded-For does not reset it", async ({
  request,
}) => {
  const email = uniqueEmail("throttle");
  await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD } });
  for (let i = 0; i < 10; i++) {
    const response = await request.post("/api/v1/auth/token", {
      headers: { "X-Forwarded-For": `10.0.0.${i}` },
      data: { email, password: `wrong ${i} password` },
    });
    expect(response.status()).toBe(401);
  }
  const throttled = await request.post("/api/v1/auth/token", {
    headers: { "X-Forwarded-For": "10.9.9.9" },
    data: { email, password: PASSWORD },
  });
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await throttled.json()).error.code).toBe("rate_limited");
});

test("200 parallel wrong guesses: at most 10 are checked, the rest 429; the owner's own browser still signs in", async ({
  page,
  browser,
  request,
}) => {
  const email = uniqueEmail("guessed");
  await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD } });
  // The owner signed in from this browser before: it holds a device cookie.
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const statuses = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      request
        .post("/api/v1/auth/token", { data: { email, password: `guess number ${i}` } })
        .then((response) => response.status()),
    ),
  );
  const checked = statuses.filter((status) => status === 401).length;
  expect(checked).toBeLessThanOrEqual(10);
  expect(statuses.filter((status) => status === 429)).toHaveLength(200 - checked);
  console.log(`guessing over HTTP: ${checked} of 200 parallel wrong guesses checked`);

  // A browser the account has never signed in from waits, like the attacker…
  const stranger = await browser.newPage();
  await logIn(stranger, email);
  await expect(stranger.getByTestId("login-error")).toContainText(/too many/i);
  await stranger.close();
  // …while the owner's browser signs in at once.
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a token revoked in Settings is refused", async ({ page, request }) => {
  const email = uniqueEmail("revoke");
  await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD } });
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  await ready(page);
  // The form opens from its button, with the name field focused.
  await page.getByRole("button", { name: "New token" }).click();
  await expect(page.getByLabel("Token name")).toBeFocused();
  await page.getByLabel("Token name").fill("Backup script");
  // Creating a token asks for the password: a borrowed session alone cannot mint one.
  await page.getByLabel("Confirm with your password").fill("not my password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();
  await expect(page.getByLabel("Token name")).toHaveValue("Backup script");
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByLabel("Confirm with your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^cc_/);
  // Saved: the form is empty again, and the token says when it ends.
  await expect(page.getByLabel("Token name")).toHaveValue("");
  await expect(page.getByLabel("Confirm with your password")).toHaveValue("");
  await expect(page.getByTestId("token-list").getByText(/Expires /)).toBeVisible();
  expect(
    (await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status(),
  ).toBe(200);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke: Backup script" }).click();
  await expect(page.getByTestId("token-list").getByText("Revoked")).toBeVisible();

  expect(
    (await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status(),
  ).toBe(401);
});

test("a session cookie counts only as issued: altered or truncated, it is refused", async ({
  page,
  request,
}) => {
  await register(page);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("session-token"));
  expect(cookie).toBeDefined();
  const me = (value: string) =>
    request.get("/api/v1/me", { headers: { cookie: `${cookie!.name}=${value}` } });

  expect((await me(cookie!.value)).status()).toBe(200);
  const middle = Math.floor(cookie!.value.length / 2);
  const flipped = cookie!.value[middle] === "A" ? "B" : "A";
  const altered = cookie!.value.slice(0, middle) + flipped + cookie!.value.slice(middle + 1);
  for (const value of [altered, cookie!.value.slice(0, -10), "", "not-a-jwt"]) {
    const response = await me(value);
    expect(response.status(), value.slice(0, 20)).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
  }
});

test("the health check answers without a session: the database and the receipt storage are up", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  expect(health.headers()["cache-control"]).toContain("no-store");
});
