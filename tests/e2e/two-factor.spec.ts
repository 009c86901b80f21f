import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { logIn, PASSWORD, ready, register } from "./helpers";

// Two-factor through the browser: enrol from Settings with the key the page
// shows, then sign in with the password and a code computed here with
// otpauth (a real implementation), and with a recovery code. No waiting for
// the clock: the code of the next 30-second step is inside the accepted
// window, and it is later than the step the enrolment used.

function nextCode(secret: string): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: Date.now() + 30_000,
  });
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("enrol from Settings, then sign in with password + code, and with a recovery code", async ({
  page,
  request,
}) => {
  const email = await register(page);
  await page.goto("/settings");
  await ready(page);
  const card = page.locator("#two-factor");
  await expect(card).toContainText("Off.");
  await card.getByRole("button", { name: "Turn on two-factor" }).click();
  await card.getByLabel("Current password").fill(PASSWORD);
  await card.getByRole("button", { name: "Continue" }).click();

  await expect(card.getByTestId("totp-qr")).toBeVisible();
  const secret = (await card.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(card.getByTestId("totp-uri")).toContainText(`secret=${secret}`);
  const confirmCode = card.getByLabel("Code from the app");
  await expect(confirmCode).toHaveAttribute("autocomplete", "one-time-code");
  await expect(confirmCode).toHaveAttribute("inputmode", "numeric");

  // A wrong code is refused beside the field.
  await confirmCode.fill(String((Number(nextCode(secret)) + 1) % 1_000_000).padStart(6, "0"));
  await card.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(card.getByText("That code is wrong or was used already.")).toBeVisible();

  await confirmCode.fill(
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() }),
  );
  await card.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(card.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await card.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) =>
    c.trim(),
  );
  expect(codes).toHaveLength(10);
  await card.getByRole("button", { name: "I have saved them" }).click();
  await expect(card.getByTestId("totp-status")).toContainText("Unused recovery codes: 10");

  // The API asks for the code too.
  const refused = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("totp_required");

  await logOut(page);
  await logIn(page, email);
  const code = page.getByLabel("6-digit code");
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(page).toHaveURL(/\/login$/);
  await code.fill(String((Number(nextCode(secret)) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("login-error")).toContainText("That code is wrong");
  await code.fill(nextCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await logOut(page);
  await logIn(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A used recovery code does not work again; turning off takes another one.
  await logOut(page);
  await logIn(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("login-error")).toContainText("That recovery code is wrong");
  await page.getByLabel("Recovery code").fill(codes[1] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  await ready(page);
  await expect(card.getByTestId("totp-status")).toContainText("Unused recovery codes: 8");
  await card.getByLabel("Code or recovery code").fill(codes[2] ?? "");
  await card.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(card).toContainText("Off.");
  const token = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  expect(token.status()).toBe(201);
});
