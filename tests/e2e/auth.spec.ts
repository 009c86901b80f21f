import { expect, test } from "@playwright/test";
import { logIn, PASSWORD, ready, register, registerViaApi, uniqueEmail } from "./helpers";

test("register → dashboard → log out → log in", async ({ page }) => {
  const email = await register(page, uniqueEmail("journey"), "Mei");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Mei");
  await expect(page.getByText("Nothing to cancel yet")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("a wrong password shows an error and keeps the user on the login page", async ({ page }) => {
  const email = await registerViaApi(page);
  await logIn(page, email, "not the password at all");
  await expect(page.getByTestId("login-error")).toHaveText(
    "That email and password don't match an account.",
  );
  await expect(page).toHaveURL(/\/login$/);

  // An unknown email gets exactly the same message.
  await logIn(page, uniqueEmail("ghost"), PASSWORD);
  await expect(page.getByTestId("login-error")).toHaveText(
    "That email and password don't match an account.",
  );
});

test("registration explains what is wrong beside each field and keeps what was typed", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  await page.goto("/register");
  await ready(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("This password is on lists of commonly used passwords"),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists")).toBeVisible();
});

test("a signed-out visit to /dashboard lands on /login and returns after signing in", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a crafted callbackUrl never leaves the app after signing in; a real one is kept", async ({
  page,
}) => {
  const email = await registerViaApi(page);
  // The URL parser drops the tab: "/\t/host" is "//host", another site.
  const signInHere = async () => {
    await ready(page);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
  };
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/\t/attacker.example:8099/x")}`);
  await signInHere();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/cases?state=open")}`);
  await signInHere();
  await expect(page).toHaveURL(/\/cases\?state=open$/);
});

test("switching to 中文 shows the shell and the login page in Chinese", async ({ page }) => {
  await page.goto("/login");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("欢迎回来");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("link", { name: "立即注册" }).click();
  await ready(page);
  await page.getByLabel("称呼（选填）").fill("小王");
  await page.getByLabel("邮箱").fill(uniqueEmail("zh"));
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("小王，你好");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "订阅" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "取消记录" })).toBeVisible();

  // The choice is kept on the account: back to English from the shell.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, 小王");
});

test("the language buttons work before, or without, the page's JavaScript", async ({ browser }) => {
  // A plain form posting to the server: nothing to wait for on a slow phone.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("欢迎回来");
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back");
  await context.close();
});

test("the browser's language is used until the user picks one", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("欢迎回来");
  await context.close();
});

test("Log out ends the session on the server: a copied cookie stops working at once", async ({
  page,
  request,
}) => {
  await register(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("session-token"))!;
  const copied = { cookie: `${session.name}=${session.value}` };
  expect((await request.get("/api/v1/me", { headers: copied })).status()).toBe(200);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await request.get("/api/v1/me", { headers: copied })).status()).toBe(401);
});

test("Settings lists each signed-in browser and signs one out", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  });
  const pageA = await laptop.newPage();
  const pageB = await phone.newPage();
  const email = await register(pageA);
  await logIn(pageB, email);
  await expect(pageB).toHaveURL(/\/dashboard$/);

  await pageA.goto("/settings");
  await ready(pageA);
  const sessions = pageA.getByTestId("session-list");
  await expect(sessions.locator(":scope > li")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toHaveCount(1);
  await expect(sessions).toContainText("Chrome on Linux");
  await pageA.getByRole("button", { name: "Sign out: Safari on iPhone" }).click();
  await expect(sessions.locator(":scope > li")).toHaveCount(1);

  await pageB.goto("/settings");
  await expect(pageB).toHaveURL(/\/login/);
  await pageA.reload();
  await expect(pageA).toHaveURL(/\/settings$/);
  await laptop.close();
  await phone.close();
});

test("log out everywhere ends the session of a second browser", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();

  const email = await register(pageA);
  await logIn(pageB, email);
  await expect(pageB).toHaveURL(/\/dashboard$/);
  const sessionOfB = async () => (await pageB.request.get("/api/auth/session")).json();
  expect(await sessionOfB()).toMatchObject({ user: { email } });

  await pageA.goto("/settings");
  await ready(pageA);
  await pageA.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(pageA).toHaveURL(/\/login$/);

  // next-auth's own endpoint answers the revoked cookie as it answers no cookie.
  expect(await sessionOfB()).toEqual({});
  await pageB.goto("/settings");
  await expect(pageB).toHaveURL(/\/login/);
  await first.close();
  await second.close();
});

test("changing the password signs out and the new password works", async ({ page }) => {
  const email = await register(page);
  await page.goto("/settings");
  await ready(page);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toBeFocused();
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password").fill("brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-changed$/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await logIn(page, email, PASSWORD);
  await expect(page.getByTestId("login-error")).toBeVisible();
  await logIn(page, email, "brand new passphrase");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("deleting the account needs the email and password, then removes it", async ({ page }) => {
  const email = await register(page);
  await page.goto("/settings");
  await ready(page);
  // Behind a button of its own; Cancel puts the button back.
  await page.getByRole("button", { name: "I want to delete my account" }).click();
  await expect(page.getByLabel("Type your email to confirm")).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Type your email to confirm")).toHaveCount(0);
  await page.getByRole("button", { name: "I want to delete my account" }).click();
  await page.getByLabel("Type your email to confirm").fill("someone.else@example.com");
  await page.getByLabel("Your password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("This is not your account's email.")).toBeVisible();

  await page.getByLabel("Type your email to confirm").fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=account-deleted$/);

  await logIn(page, email);
  await expect(page.getByTestId("login-error")).toBeVisible();
});
