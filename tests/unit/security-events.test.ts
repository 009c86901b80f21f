import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { securityDevice } from "@/lib/domain/security-device";
import { deservesNotice, SECURITY_EVENT_KINDS } from "@/lib/domain/security-events";

describe("security event kinds", () => {
  it("each has its words in both languages: the list's, the mail's subject and sentence", () => {
    for (const catalog of [en.securityLog, zh.securityLog]) {
      for (const kind of SECURITY_EVENT_KINDS) {
        expect(catalog.kind[kind], kind).toBeTruthy();
        expect(catalog.mail.subject[kind], kind).toBeTruthy();
        expect(catalog.mail.what[kind], kind).toBeTruthy();
      }
    }
  });

  it("mail about what lets someone in, not about what only shuts doors", () => {
    expect(deservesNotice("password_changed")).toBe(true);
    expect(deservesNotice("token_created")).toBe(true);
    expect(deservesNotice("totp_disabled")).toBe(true);
    expect(deservesNotice("email_changed")).toBe(true);
    expect(deservesNotice("sign_in_new_device")).toBe(true);
    expect(deservesNotice("sign_in_new_device", true)).toBe(false);
    expect(deservesNotice("token_revoked")).toBe(false);
    expect(deservesNotice("sessions_revoked")).toBe(false);
  });

  it("name a browser as the session list does", () => {
    const t = (key: string, values?: Record<string, string>) =>
      key === "deviceOn" ? `${values!.browser} on ${values!.system}` : "Unknown browser";
    expect(
      securityDevice("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", t),
    ).toBe("Firefox on Linux");
    expect(securityDevice(null, t)).toBe("Unknown browser");
  });
});
