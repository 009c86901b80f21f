import { describe, expect, it } from "vitest";
import { saveNotificationPrefs } from "@/lib/data/notification-settings";
import { DEFAULT_PREFS } from "@/lib/domain/reminders";
import type { TestSender } from "@/lib/notifications/senders";
import { TESTS_PER_HOUR, sendTestNotification } from "@/lib/services/send-test-notification";
import { newUser } from "../support/fixtures";

// Settings → Notifications' "Send a test", with channels that record what
// they were given (the real SMTP server: tests/e2e/reminders.spec.ts).

function channel(fail = false) {
  const got: { id: string; email: string }[] = [];
  const send: TestSender = async (user) => {
    if (fail) throw new Error("the mail server said no");
    got.push({ id: user.id, email: user.email });
  };
  return { got, send };
}

describe("send a test", () => {
  it("goes at once to the user's own enabled channels and says what each answered", async () => {
    const user = await newUser();
    const email = channel();
    const push = channel();
    // Push is on by default but no device took it: only email is enabled.
    expect(await sendTestNotification(user, { email: email.send, push: push.send })).toEqual([
      { channel: "email", ok: true },
    ]);
    expect(email.got).toEqual([{ id: user.id, email: user.email }]);
    expect(push.got).toEqual([]);

    const broken = channel(true);
    expect(await sendTestNotification(user, { email: broken.send })).toEqual([
      { channel: "email", ok: false, error: "the mail server said no" },
    ]);
  });

  it("with no channel on: 422 and nothing counted", async () => {
    const user = await newUser();
    await saveNotificationPrefs(user, { ...DEFAULT_PREFS, emailOn: false });
    const email = channel();
    for (let i = 0; i <= TESTS_PER_HOUR; i++) {
      await expect(sendTestNotification(user, { email: email.send })).rejects.toMatchObject({
        code: "unprocessable",
        fields: { channels: ["notification_test_no_channel"] },
      });
    }
    await saveNotificationPrefs(user, DEFAULT_PREFS);
    expect(await sendTestNotification(user, { email: email.send })).toHaveLength(1);
  });

  it(`is throttled per user: the test after ${TESTS_PER_HOUR} in an hour is refused and sends nothing`, async () => {
    const user = await newUser();
    const other = await newUser();
    const email = channel();
    for (let i = 0; i < TESTS_PER_HOUR; i++)
      await sendTestNotification(user, { email: email.send });
    const refused = await sendTestNotification(user, { email: email.send }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(email.got).toHaveLength(TESTS_PER_HOUR);
    // Someone else's allowance is their own.
    expect(await sendTestNotification(other, { email: email.send })).toEqual([
      { channel: "email", ok: true },
    ]);
  });
});
