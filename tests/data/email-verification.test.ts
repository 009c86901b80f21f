import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailVerificationOf } from "@/lib/data/email-tokens";
import { SECURITY_NOTICE_HEADER } from "@/lib/mail/messages";
import {
  followEmailLink,
  requestEmailChange,
  resendVerification,
  EMAIL_LINKS_PER_HOUR,
} from "@/lib/services/email-verification";
import { registerAccount } from "@/lib/services/register-account";
import { newUser } from "../support/fixtures";
import { startSmtpServer } from "../support/smtp";

// Verified email through a real SMTP server (tests/support/smtp.ts): the
// link a mailbox gets is the one that is followed.

const PASSWORD = "a test account's passphrase";
const client = () => ({
  address: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.BASE_URL = "https://cancel.example";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.BASE_URL;
  await smtp?.close();
});

const tokenIn = (text: string | undefined) => {
  const match = /https:\/\/cancel\.example\/verify-email\?token=([\w-]+)/.exec(text ?? "");
  if (!match) throw new Error(`no link in ${text}`);
  return match[1]!;
};
const address = () => `${randomUUID()}@example.com`;

describe("verification of a new account's email", () => {
  it("mails a link on sign-up, in the account's language, that verifies once", async () => {
    const email = address();
    const account = await registerAccount(
      { email, password: PASSWORD, locale: "zh-CN" },
      client().address,
    );
    const mail = await smtp.next(email);
    expect(mail.email.subject).toBe("确认你的 CancelCase 邮箱");
    expect(mail.email.headers.some((h) => h.key === SECURITY_NOTICE_HEADER.toLowerCase())).toBe(
      true,
    );
    expect((await emailVerificationOf(account)).verifiedAt).toBeNull();
    const token = tokenIn(mail.email.text);
    expect(await followEmailLink({ token }, client())).toMatchObject({ purpose: "verify" });
    expect((await emailVerificationOf(account)).verifiedAt).not.toBeNull();
    await expect(followEmailLink({ token }, client())).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("resends, only so often", async () => {
    const user = await newUser();
    for (let i = 0; i < EMAIL_LINKS_PER_HOUR; i += 1) await resendVerification(user);
    await expect(resendVerification(user)).rejects.toMatchObject({ code: "rate_limited" });
    await expect.poll(() => smtp.to(user.email).length).toBe(EMAIL_LINKS_PER_HOUR);
  });
});

describe("changing the email", () => {
  it("takes effect only through the new address's link, and tells the old one", async () => {
    const user = await newUser({ name: "Ada" });
    const next = address();
    await requestEmailChange(user, { email: next, currentPassword: PASSWORD }, client());
    const mail = await smtp.next(next);
    expect(mail.email.subject).toBe("Confirm your new CancelCase email address");
    expect((await emailVerificationOf(user)).email).toBe(user.email);
    const token = tokenIn(mail.email.text);
    const outcome = await followEmailLink({ token }, { ...client(), userAgent: "Firefox" });
    expect(outcome.event).toMatchObject({ kind: "email_changed", detail: user.email });
    expect(await emailVerificationOf(user)).toMatchObject({ email: next, pendingEmail: null });
    const notice = await smtp.next(user.email);
    expect(notice.email.subject).toBe("CancelCase: your account's email address was changed");
    expect(smtp.to(next)).toHaveLength(1);
    await expect(followEmailLink({ token }, client())).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("asks for the current password and refuses a taken address", async () => {
    const user = await newUser();
    const other = await newUser();
    await expect(
      requestEmailChange(user, { email: address(), currentPassword: "not the password" }, client()),
    ).rejects.toMatchObject({ fields: { currentPassword: ["password_wrong"] } });
    await expect(
      requestEmailChange(user, { email: other.email, currentPassword: PASSWORD }, client()),
    ).rejects.toMatchObject({ code: "email_taken" });
    await expect(
      requestEmailChange(user, { email: user.email, currentPassword: PASSWORD }, client()),
    ).rejects.toMatchObject({ fields: { email: ["email_unchanged"] } });
    expect(smtp.to(other.email)).toHaveLength(0);
  });
});
