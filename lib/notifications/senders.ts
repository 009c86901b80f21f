import "server-only";
import { baseUrl, pushAllowedOrigins } from "@/lib/config";
import { dropPushEndpoint, pushTargets } from "@/lib/data/push-subscriptions";
import { OutboundRefused } from "@/lib/net/outbound";
import { sendPushMessage } from "@/lib/push/send";
import { unsubscribeToken } from "@/lib/crypto/unsubscribe";
import type { PlanningUser } from "@/lib/data/system/reminders";
import type { NotificationChannel } from "@/lib/domain/reminders";
import { translator } from "@/lib/i18n/catalogs";
import { reminderMail, testMail } from "@/lib/mail/messages";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { vapidKeys, vapidSubject } from "@/lib/push/vapid";
import { channelReminderSender } from "./channel-sender";
import type { Sender, Senders } from "./run";
import { inDigestOrder, reminderMailText, reminderWriter } from "./text";

// The routes reminders go out on: email (when SMTP_URL is set), Web Push
// (always offered; it needs only the browser) and the user's own channels
// (./channel-sender.ts).

export const emailSender: Sender = async (user, reminders, today) => {
  const token = unsubscribeToken(user.id);
  const pageUrl = `${baseUrl()}/unsubscribe/${token}`;
  await sendMail(
    await reminderMail({
      to: user.email,
      name: user.name,
      locale: user.locale,
      words: await reminderMailText(user.locale, reminders, today, pageUrl),
      unsubscribe: { oneClickUrl: `${baseUrl()}/api/unsubscribe/${token}`, pageUrl },
    }),
  );
};

/** The push message: the first reminder's sentence, how many more, and where a tap goes. */
export async function pushPayload(
  ...[user, reminders, today]: Parameters<Sender>
): Promise<string> {
  const writer = await reminderWriter(user.locale);
  const [first, ...rest] = inDigestOrder(reminders);
  if (!first) throw new Error("nothing to push");
  const body = [
    writer.line(first, today),
    rest.length ? writer.t("pushMore", { count: rest.length }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const url = reminders.length === 1 ? writer.link(first).url : `${baseUrl()}/notifications`;
  return JSON.stringify({ title: writer.t("pushTitle"), body, url, tag: `cc-${first.id}` });
}

/** Sends to every device of the user; fine when one took it, an error when none did. */
export const pushSender: Sender = async (user, reminders, today) => {
  await pushToDevices(user, await pushPayload(user, reminders, today));
};

async function pushToDevices(user: Pick<PlanningUser, "id">, payload: string): Promise<void> {
  const options = {
    vapid: { subject: vapidSubject(), ...vapidKeys() },
    allowedOrigins: pushAllowedOrigins(),
  };
  let delivered = 0;
  let lastError = "no device to send to";
  for (const target of await pushTargets(user.id)) {
    try {
      const outcome = await sendPushMessage(target, payload, options);
      if (outcome.kind === "sent") delivered += 1;
      else if (outcome.kind === "gone") {
        await dropPushEndpoint(target.endpoint);
        lastError = "the push subscription has ended";
      } else if (outcome.status !== 0) lastError = `push service answered ${outcome.status}`;
    } catch (error) {
      lastError =
        error instanceof OutboundRefused ? `push refused: ${error.reason}` : "push failed";
    }
  }
  if (delivered === 0) throw new Error(lastError);
}

/** Sends Settings → Notifications' test message on one channel; throws on failure. */
export type TestSender = (user: PlanningUser) => Promise<void>;
export type TestSenders = Partial<Record<NotificationChannel, TestSender>>;

const testEmailSender: TestSender = async (user) => {
  await sendMail(
    await testMail({
      to: user.email,
      name: user.name,
      locale: user.locale,
      url: `${baseUrl()}/settings#notifications`,
    }),
  );
};

/** The push test: `event: "test"` tells the service worker it is no reminder. */
const testPushSender: TestSender = async (user) => {
  const t = await translator(user.locale, "reminders");
  await pushToDevices(
    user,
    JSON.stringify({
      event: "test",
      title: t("pushTitle"),
      body: t("pushTest"),
      url: `${baseUrl()}/settings#notifications`,
      tag: "cc-test",
    }),
  );
};

/** The channels a test can go on here: the same as reminders'. */
export function defaultTestSenders(): TestSenders {
  return { ...(mailConfigured() ? { email: testEmailSender } : {}), push: testPushSender };
}

/** The routes this server has: email only when SMTP is set up; push and the users' channels always. */
export function defaultSenders(): Senders {
  return {
    ...(mailConfigured() ? { email: emailSender } : {}),
    push: pushSender,
    channel: channelReminderSender(),
  };
}
