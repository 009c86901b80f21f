import { expect, test } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { PASSWORD, ready, uniqueEmail } from "./helpers";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Single sign-on in Chromium against a real provider (oidc-provider, started
// here): the button on the login page, the provider's own sign-in and consent
// pages, and back signed in. The server is single-sign-on only
// (PASSWORD_LOGIN=false), so the same run shows the password paths closed.
test.describe.configure({ mode: "serial" });

let provider: TestOidcProvider;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  // The issuer's port first (the server's settings name it), the redirect URI once the app's is known.
  provider = await startOidcProvider({});
  app = await startOwnServer("oidc", {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_LABEL: "Example SSO",
    OUTBOUND_ALLOWED_HOSTS: provider.host,
    PASSWORD_LOGIN: "false",
  });
  provider.setRedirectUris([`${app.url}/api/auth/oidc/callback`]);
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
});

const url = (path: string) => `${app.url}${path}`;

test("the button signs a new person in through the provider's pages, and again later", async ({
  page,
}) => {
  const email = uniqueEmail("sso");
  const sub = email.split("@")[0]!;
  provider.addPerson({ sub, email, email_verified: true });

  await page.goto(url("/login?callbackUrl=%2Fsettings"));
  // Single sign-on only: no password form, no sign-up, no reset.
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /create an account/i })).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in with Example SSO" }).click();

  await page.waitForURL((address) => address.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(url("/settings"));
  await expect(page.locator("#sso")).toContainText(email);
  await expect(page.locator("#sso")).toContainText(provider.issuer);
  // The only way in, with passwords off: unlinking it is refused (once the form is hydrated).
  await ready(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Unlink ${email}` }).click();
  await expect(page.locator("#sso")).toContainText("only way into your account");

  // Signed out, the next sign-in reaches the same account (the provider remembers the person).
  await page.context().clearCookies();
  await page.goto(url("/login"));
  await page.getByRole("link", { name: "Sign in with Example SSO" }).click();
  await page.waitForURL((address) => address.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page).toHaveURL(url("/dashboard"));
});

test("a callback this browser did not start is refused, and the login page says so", async ({
  page,
}) => {
  await page.goto(url("/api/auth/oidc/callback?code=made-up&state=made-up"));
  await expect(page).toHaveURL(url("/login?error=oidc_state"));
  await expect(page.getByTestId("sso-error")).toContainText("could not be checked");
});

test("passwords off: the token endpoint, sign-up and reset answer 403 password_login_off", async ({
  request,
}) => {
  for (const [path, data] of [
    ["/api/v1/auth/token", { email: uniqueEmail("off"), password: PASSWORD }],
    ["/api/v1/auth/register", { email: uniqueEmail("off"), password: PASSWORD }],
    ["/api/v1/auth/password-reset", { email: uniqueEmail("off") }],
  ] as const) {
    const answer = await request.post(url(path), { data });
    expect(answer.status(), path).toBe(403);
    expect((await answer.json()).error.code, path).toBe("password_login_off");
  }
  expect((await request.get(url("/register"))).status()).toBe(404);
  expect((await request.get(url("/forgot-password"))).status()).toBe(404);
});
