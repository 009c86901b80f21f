import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { recordSecurityEvent } from "@/lib/data/security-events";
import { changePassword, revokeAllSessions } from "@/lib/data/users";
import { SECURITY_NOTICE_HEADER } from "@/lib/mail/messages";
import { sendSecurityNotice } from "@/lib/notifications/security-notices";
import { newUser } from "../support/fixtures";
import { startSmtpServer } from "../support/smtp";

// The security notices through a real SMTP server (tests/support/smtp.ts):
// what a mailbox gets, in the account's language and time zone.

const PASSWORD = "a test account's passphrase";
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

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

describe("security notices by email", () => {
  it("say what happened, when in the user's zone, from which browser, and what to do, in English", async () => {
    const user = await newUser({ name: "Ada", timeZone: "America/Los_Angeles" });
    const event = await changePassword(
      user,
      { currentPassword: PASSWORD, newPassword: "a new passphrase here" },
      { userAgent: CHROME_MAC },
    );
    expect(await sendSecurityNotice(event)).toBe(true);
    const mail = await smtp.next(user.email);
    expect(mail.email.subject).toBe("CancelCase: your password was changed");
    const text = mail.email.text ?? "";
    expect(text).toContain("Hello Ada,");
    expect(text).toContain("Chrome on macOS");
    expect(text).toContain("(America/Los_Angeles)");
    const local = new Intl.DateTimeFormat("en", {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: "America/Los_Angeles",
    }).format(event.at);
    expect(text).toContain(local);
    expect(text).toContain("If this was not you, change your password");
    expect(text).toContain("https://cancel.example/settings#security");
    expect(
      mail.email.headers.find((h) => h.key === SECURITY_NOTICE_HEADER.toLowerCase()),
    ).toBeTruthy();
  });

  it("speak the account's language", async () => {
    const user = await newUser({ name: "李伟", locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const { event } = await createApiToken(user, "备份脚本", 30, { userAgent: CHROME_MAC });
    expect(await sendSecurityNotice(event)).toBe(true);
    const mail = await smtp.next(user.email);
    expect(mail.email.subject).toBe("CancelCase：新建了一个 API 令牌");
    expect(mail.email.text).toContain("李伟，你好：");
    expect(mail.email.text).toContain("名为“备份脚本”的 API 令牌");
    expect(mail.email.text).toContain("macOS 上的 Chrome");
    expect(mail.email.text).toContain("如果这不是你本人操作");
  });

  it("tell the old address of an email change", async () => {
    const user = await newUser();
    const event = await recordSecurityEvent(user, "email_changed", {
      detail: "old-address@example.com",
    });
    expect(await sendSecurityNotice(event)).toBe(true);
    const mail = await smtp.next("old-address@example.com");
    expect(mail.email.subject).toBe("CancelCase: your account's email address was changed");
    expect(smtp.to(user.email)).toHaveLength(0);
  });

  it("are not sent for routine events, nor for the account's first sign-in", async () => {
    const user = await newUser();
    const first = await recordSecurityEvent(user, "sign_in_new_device", { userAgent: CHROME_MAC });
    expect(await sendSecurityNotice(first)).toBe(false);
    expect(await sendSecurityNotice(await revokeAllSessions(user))).toBe(false);
    expect(smtp.to(user.email)).toHaveLength(0);

    const second = await recordSecurityEvent(user, "sign_in_new_device", { userAgent: CHROME_MAC });
    expect(await sendSecurityNotice(second)).toBe(true);
    expect((await smtp.next(user.email)).email.subject).toBe(
      "CancelCase: a sign-in from a new device",
    );
  });

  it("never fail the change: a mail server that is down is logged and skipped", async () => {
    const user = await newUser();
    const event = await recordSecurityEvent(user, "passkey_added");
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      expect(await sendSecurityNotice(event)).toBe(false);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
