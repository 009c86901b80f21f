import { expect, test } from "@playwright/test";
import { isSecurityNotice, startSmtpServer } from "../support/smtp";
import { PASSWORD, uniqueEmail } from "./helpers";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// Password reset by email, through a real SMTP server.
// One server for the file's tests: they run in one worker, one after the
// other (split over two workers, each would wipe the other's data folder).
test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(START_HOOK_TIMEOUT_MS);
  smtp = await startSmtpServer({ ignore: isSecurityNotice });
  app = await startOwnServer("password-reset", {
    SMTP_URL: smtp.url,
    MAIL_FROM: "CancelCase <no-reply@cancel.example>",
    SIGNUPS_PER_HOUR: "100",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

test("a reset link arrives, signs in once with a new password, ends other sessions, then is dead", async ({
  browser,
  request,
}) => {
  const email = uniqueEmail("reset");
  const url = (path: string) => `${app.url}${path}`;
  expect(
    (
      await request.post(url("/api/v1/auth/register"), { data: { email, password: PASSWORD } })
    ).status(),
  ).toBe(201);
  const issued = await request.post(url("/api/v1/auth/token"), {
    data: { email, password: PASSWORD },
  });
  const auth = { Authorization: `Bearer ${(await issued.json()).token}` };

  // An unknown address gets the very same answer, and no mail.
  const stranger = await request.post(url("/api/v1/auth/password-reset"), {
    data: { email: "nobody-at-all@example.com" },
  });
  const asked = await request.post(url("/api/v1/auth/password-reset"), { data: { email } });
  expect(asked.status()).toBe(202);
  expect(stranger.status()).toBe(202);
  expect(await stranger.json()).toEqual(await asked.json());

  const mail = await smtp.next(email);
  expect(smtp.received.some((m) => m.to.includes("nobody-at-all@example.com"))).toBe(false);
  expect(mail.email.subject).toBe("Reset your CancelCase password");
  expect(mail.email.from?.address).toBe("no-reply@cancel.example");
  expect(mail.email.html).toContain("Choose a new password");
  const link = /https?:\/\/\S+\/reset-password\?token=(rst_[A-Za-z0-9_-]{43})/.exec(
    mail.email.text ?? "",
  );
  expect(link, mail.email.text).toBeTruthy();
  const token = link![1]!;

  const page = await browser.newPage({ locale: "en-US" });
  await page.goto(url(`/reset-password?token=${token}`));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("reset-done")).toBeVisible();
  expect((await request.get(url("/api/v1/me"), { headers: auth })).status()).toBe(401);
  expect(
    (
      await request.post(url("/api/v1/auth/token"), {
        data: { email, password: "a brand new passphrase" },
      })
    ).status(),
  ).toBe(201);

  // Once only.
  const again = await request.post(url("/api/v1/auth/password-reset/confirm"), {
    data: { token, password: "yet another passphrase" },
  });
  expect(again.status()).toBe(400);
  expect((await again.json()).error.fieldCodes).toEqual({ token: ["reset_link_invalid"] });
  await page.close();
});

test("the reset mail speaks the account's language", async ({ request }) => {
  const email = uniqueEmail("reset-zh");
  expect(
    (
      await request.post(`${app.url}/api/v1/auth/register`, {
        data: { email, password: PASSWORD, locale: "zh-CN", name: "李伟" },
      })
    ).status(),
  ).toBe(201);
  await request.post(`${app.url}/api/v1/auth/password-reset`, { data: { email } });
  const mail = await smtp.next(email);
  expect(mail.email.subject).toBe("重设你的 CancelCase 密码");
  expect(mail.email.text).toContain("李伟，你好：");
  expect(mail.email.text).toContain("30 分钟内有效");
});

test("without email set up, the forgot-password page says whom to ask, and the API answers the same", async ({
  page,
  request,
}) => {
  // The suite's main server has no SMTP_URL.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByTestId("no-mail")).toContainText("npm run reset-password");
  const asked = await request.post("/api/v1/auth/password-reset", {
    data: { email: "whoever@example.com" },
  });
  expect(asked.status()).toBe(202);
});
