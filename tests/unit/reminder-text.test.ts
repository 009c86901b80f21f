import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reminderMailText, reminderWriter } from "@/lib/notifications/text";
import type { Reminder } from "@/lib/domain/reminders";

// Issue 36, point 3: a one-reminder message's subject is short, and its
// body does not open with the digest's "here is what ... today".

const dispute: Reminder = {
  kind: "dispute_network",
  targetId: "t1",
  dueOn: "2027-03-26",
  eventOn: "2027-04-02",
  provider: "中国移动通信集团广东有限公司",
  caseId: "c1",
  subscriptionId: null,
  noteId: null,
};
const renewal: Reminder = {
  ...dispute,
  kind: "renewal",
  provider: "Hulu",
  caseId: null,
  subscriptionId: "s1",
  eventOn: "2027-04-02",
};
const unsubscribe = "https://cancel.example.com/unsubscribe/x";

describe("a one-reminder email", () => {
  // Its button links to the server's address.
  beforeAll(() => vi.stubEnv("BASE_URL", "https://cancel.example.com"));
  afterAll(() => vi.unstubAllEnvs());

  it("has a short subject: at most 40 characters in Chinese, where the sentence runs past 60", async () => {
    const words = await reminderMailText("zh-CN", [dispute], "2027-03-26", unsubscribe);
    const sentence = (await reminderWriter("zh-CN")).line(dispute, "2027-03-26");
    expect([...sentence].length).toBeGreaterThan(60);
    expect([...words.subject].length).toBeLessThanOrEqual(40);
    expect(words.subject).toContain("2027年4月2日");
    expect(words.items[0]!.line).toBe(sentence);
  });

  it("does not open with the digest's line; a digest still does", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const one = await reminderMailText(locale, [renewal], "2027-03-26", unsubscribe);
      const two = await reminderMailText(locale, [renewal, dispute], "2027-03-26", unsubscribe);
      expect(one.intro).not.toBe(two.intro);
      expect(two.subject).toContain("2");
    }
    const en = await reminderMailText("en", [renewal], "2027-03-26", unsubscribe);
    expect(en.subject).toBe("Hulu renews on Apr 2, 2027");
    expect(en.intro).toBe("A reminder from CancelCase:");
  });
});
