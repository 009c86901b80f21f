import { expect, test, type Page } from "@playwright/test";
import { startSmtpServer } from "../support/smtp";
import { PASSWORD, uniqueEmail } from "./helpers";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Verified email and the email change, through a real SMTP server: the
// links followed are the ones a mailbox got. One server for the file's
// tests, run one after the other (see password-reset-by-email.spec.ts).
test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  smtp = await startSmtpServer();
  app = await startOwnServer("email-verification", {
    SMTP_URL: smtp.url,
    MAIL_FROM: "CancelCase <no-reply@cancel.example>",
    SIGNUPS_PER_HOUR: "100",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

const url = (path: string) => `${app.url}${path}`;

function tokenOf(text: string | undefined): string {
  const link = /https?:\/\/\S+\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(text ?? "");
  expect(link, text).toBeTruthy();
  return link![1]!;
}

async function follow(page: Page, token: string) {
  await page.goto(url(`/verify-email?token=${token}`));
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Confirm" }).click();
  return page.getByTestId("email-link-outcome");
}

test("a new account is mailed a link that verifies its address, once", async ({ page }) => {
  const email = uniqueEmail("verify");
  await page.goto(url("/register"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/^Name/).fill("Ada");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const mail = await smtp.next(email);
  expect(mail.email.subject).toBe("Confirm your CancelCase email address");
  await page.goto(url("/settings"));
  await expect(page.getByTestId("email-status")).toHaveText("Not verified");

  const token = tokenOf(mail.email.text);
  await expect(await follow(page, token)).toContainText("your email address is verified");
  await page.goto(url("/settings"));
  await expect(page.getByTestId("email-status")).toHaveText("Verified");
  const me = await page.request.get(url("/api/v1/me"));
  expect((await me.json()).emailVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  await expect(await follow(page, token)).toContainText("not valid any more");
});

test("a change takes effect through the new address's link; the old one is told; a taken one is refused", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("change-old");
  const taken = uniqueEmail("change-taken");
  for (const address of [email, taken]) {
    const made = await request.post(url("/api/v1/auth/register"), {
      data: { email: address, password: PASSWORD },
    });
    expect(made.status()).toBe(201);
  }
  await page.goto(url("/login"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(url("/settings"));
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Change email address" }).click();
  const form = page.getByTestId("email-change-form");

  await form.getByLabel("New email address").fill(taken);
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(form).toContainText("Another account already uses this email address.");

  const next = uniqueEmail("change-new");
  await form.getByLabel("New email address").fill(next);
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(form).toContainText("Check the new inbox");
  const mail = await smtp.next(next);
  expect(mail.email.subject).toBe("Confirm your new CancelCase email address");

  const token = tokenOf(mail.email.text);
  await expect(await follow(page, token)).toContainText("Your email address is changed");
  // The old address had its own verification mail first; the notice follows.
  await expect
    .poll(() => smtp.to(email).map((m) => m.email.subject), { timeout: 15_000 })
    .toContain("CancelCase: your account's email address was changed");
  await page.goto(url("/settings"));
  await expect(page.getByTestId("email-status")).toHaveText("Verified");
  await expect(page.getByText(`Your email: ${next}`)).toBeVisible();
  await expect(await follow(page, token)).toContainText("not valid any more");
});
