import "server-only";
import { planningUserOf } from "@/lib/data/notification-list";
import type { Actor } from "@/lib/data/users";
import { NOTIFICATION_CHANNELS, type NotificationChannel } from "@/lib/domain/reminders";
import { AppError } from "@/lib/errors/app-error";
import { consumeOrRefuse, sharedLimiter } from "@/lib/shared-counters/shared";
import { defaultTestSenders, type TestSenders } from "@/lib/notifications/senders";

// Settings → Notifications' "Send a test" and POST /api/v1/me/notifications/test:
// one message at once on each channel the user has on (the same rule as
// reminders: email when the server has SMTP and the user wants it; push when
// they want it and a device accepted it), and what each channel answered.

/** Tests per user per hour: enough to fix a setting and try again, too few to flood a mail server. */
export const TESTS_PER_HOUR = 5;
/** A channel that has not answered by then has failed (a reminder gets 40 s; a click waits less). */
const TEST_TIMEOUT_MS = 20_000;

const store = globalThis as unknown as {
  cancelCaseTestLimiter?: ReturnType<typeof sharedLimiter>;
};
const limiter = (store.cancelCaseTestLimiter ??= sharedLimiter({
  keyPrefix: "nt",
  points: TESTS_PER_HOUR,
  duration: 60 * 60,
}));

export type TestResult = { channel: NotificationChannel; ok: boolean; error?: string };

function withTimeout(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${TEST_TIMEOUT_MS / 1000} s`)),
      TEST_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends the test on every enabled channel at once. Counted before anything
 * is sent (rate_limited past TESTS_PER_HOUR); with no channel on, 422
 * `no_channel` and nothing counted.
 */
export async function sendTestNotification(
  actor: Actor,
  senders: TestSenders = defaultTestSenders(),
): Promise<TestResult[]> {
  const user = await planningUserOf(actor);
  if (!user) throw new AppError("unauthorized", "Sign in again.");
  const on: Record<NotificationChannel, boolean> = {
    email: Boolean(senders.email) && user.prefs.emailOn,
    push: Boolean(senders.push) && user.prefs.pushOn && user.pushDevices > 0,
  };
  const channels = NOTIFICATION_CHANNELS.filter((channel) => on[channel]);
  if (channels.length === 0) {
    throw new AppError("unprocessable", "No channel is on: turn on email or push first.", {
      fields: { channels: ["notification_test_no_channel"] },
      formMessage: { key: "notifications.testNoChannel" },
    });
  }
  await consumeOrRefuse(limiter, user.id, "Too many tests. Try again later.", {
    key: "notifications.testRateLimited",
  });
  return Promise.all(
    channels.map(async (channel): Promise<TestResult> => {
      try {
        await withTimeout(senders[channel]!(user));
        return { channel, ok: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : "send failed";
        return { channel, ok: false, error: message.slice(0, 200) };
      }
    }),
  );
}
