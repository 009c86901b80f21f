import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { logIn, PASSWORD, ready, register, sameOrigin } from "./helpers";

// Passkeys through the browser with Chromium's virtual authenticator (the
// DevTools WebAuthn domain): a real WebAuthn ceremony, its credential kept
// by Chromium, verified by the server. Register from Settings, see it
// listed, sign out and in again with the passkey alone, rename it, remove
// it; the security log tells of both changes. With two-factor on, the
// passkey answers the sign-in's second step instead of the code.

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  const credentials = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return { credentials };
}

test("register a passkey from Settings, sign in with it alone, rename it and remove it", async ({
  page,
}) => {
  const authenticator = await virtualAuthenticator(page);
  await register(page);
  await page.goto("/settings");
  await ready(page);
  const card = page.locator("#passkeys");
  await expect(card).toContainText("No passkeys yet.");

  // A wrong password is refused before the device is asked.
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await card.getByLabel("Current password").fill("not the password");
  await card.getByLabel("Name").fill("Work laptop");
  await card.getByRole("button", { name: "Continue with your device" }).click();
  await expect(card.getByRole("alert")).toContainText("That password is not right.");
  expect(await authenticator.credentials()).toHaveLength(0);

  await card.getByLabel("Current password").fill(PASSWORD);
  await card.getByRole("button", { name: "Continue with your device" }).click();
  await expect(card.getByTestId("passkeys-notice")).toHaveText("Passkey added.");
  const rows = card.getByTestId("passkey-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Work laptop");
  await expect(rows.first()).toContainText("Not used yet");
  // A discoverable credential, for this site: it can sign in without an email typed.
  const stored = await authenticator.credentials();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ isResidentCredential: true, rpId: "localhost" });

  // Signed out, the passkey alone signs in: no email, no password.
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await ready(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  await ready(page);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Last used");

  await rows.first().getByRole("button", { name: "Rename" }).click();
  await rows.first().getByLabel("New name for Work laptop").fill("Home laptop");
  await rows.first().getByRole("button", { name: "Save" }).click();
  await expect(card.getByTestId("passkeys-notice")).toHaveText("Passkey renamed.");
  await expect(rows.first()).toContainText("Home laptop");

  await rows.first().getByRole("button", { name: "Remove" }).click();
  await expect(rows.first()).toContainText("Remove “Home laptop”?");
  await rows.first().getByRole("button", { name: "Yes, remove" }).click();
  await expect(card.getByTestId("passkeys-notice")).toHaveText("Passkey removed.");
  await expect(card).toContainText("No passkeys yet.");

  const log = await page.request.get("/api/v1/me/security-events?limit=10");
  const kinds = ((await log.json()) as { items: { kind: string }[] }).items.map((e) => e.kind);
  expect(kinds.slice(0, 2)).toEqual(["passkey_removed", "passkey_added"]);
});

test("with two-factor on, a passkey answers the second step instead of the code", async ({
  page,
}) => {
  const authenticator = await virtualAuthenticator(page);
  const email = await register(page);
  await page.goto("/settings");
  await ready(page);
  const card = page.locator("#passkeys");
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await card.getByLabel("Current password").fill(PASSWORD);
  await card.getByLabel("Name").fill("Security key");
  await card.getByRole("button", { name: "Continue with your device" }).click();
  await expect(card.getByTestId("passkeys-notice")).toHaveText("Passkey added.");
  expect(await authenticator.credentials()).toHaveLength(1);

  // Two-factor on through the API (tests/e2e/two-factor.spec.ts walks the UI).
  const started = await page.request.post("/api/v1/me/totp", {
    data: { password: PASSWORD },
    headers: sameOrigin(),
  });
  expect(started.status()).toBe(201);
  const { secret } = (await started.json()) as { secret: string };
  const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() });
  const confirmed = await page.request.post("/api/v1/me/totp/confirm", {
    data: { code },
    headers: sameOrigin(),
  });
  expect(confirmed.status()).toBe(200);

  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, email);
  await expect(page.getByRole("heading", { name: "Two-factor code" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  await ready(page);
  await expect(card.getByTestId("passkey-row").first()).toContainText("Last used");
});
