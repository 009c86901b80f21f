import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openCase, updateCase } from "@/lib/data/cases";
import { createChannel, deleteChannel, getChannel, updateChannel } from "@/lib/data/channels";
import { listNotifications } from "@/lib/data/notification-list";
import { saveNotificationPrefs, notificationPrefs } from "@/lib/data/notification-settings";
import { LEASE_MS, claimReminders, dueGroups } from "@/lib/data/system/reminder-sends";
import { createSubscription } from "@/lib/data/subscriptions";
import type { ChannelKind } from "@/lib/domain/channels";
import { channelReminderSender } from "@/lib/notifications/channel-sender";
import {
  deliverReminders,
  planReminders,
  runReminders,
  type Senders,
} from "@/lib/notifications/run";
import { startChannelServer, type ChannelServer } from "../support/channel-server";
import { newUser } from "../support/fixtures";

// Issue 36: reminders go to the user's own channels, each channel its own
// row (its own claim, its own retries), through the real senders against a
// local server speaking each service's protocol. The senders' wire formats
// are tested one by one in tests/unit/channels-senders.test.ts. The
// database is shared with other files: every check is about this test's
// user and servers, never a run's totals.

let good: ChannelServer;
let bad: ChannelServer;
let senders: Senders;

beforeAll(async () => {
  process.env.BASE_URL = "http://localhost:3000";
  [good, bad] = await Promise.all([startChannelServer(), startChannelServer()]);
  senders = {
    channel: channelReminderSender({
      allowedHosts: [good.host, bad.host],
      bases: { telegram: good.base },
    }),
  };
});
afterAll(() => Promise.all([good.close(), bad.close()]));
beforeEach(() => {
  good.seen.length = 0;
  bad.seen.length = 0;
  good.answer({ status: 200, body: '{"ok":true}' });
  bad.answer({ status: 503, body: "busy" });
});

const WEBHOOK_SECRET = "a-webhook-signing-secret-of-some-length";
const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

async function userWithFollowUp(followUpOn: string, locale: "en" | "zh-CN" = "en") {
  const user = await newUser({ locale, timeZone: "UTC" });
  const subscription = await createSubscription(user, {
    provider: "Mint Mobile",
    category: "mobile",
    amount: 1500,
    currency: "USD",
    billingCycle: "monthly",
  });
  const kase = await openCase(user, { subscriptionId: subscription.id, reason: "cost" });
  await updateCase(user, kase.id, { nextFollowUpOn: followUpOn, expectedVersion: 1 });
  return { user, kase, subscription };
}

function addChannel(
  user: { id: string },
  kind: ChannelKind,
  target: string,
  secret: string | null = null,
  name = kind,
) {
  return createChannel(user, { kind, name, target, secret, enabled: true });
}

const onPath = (server: ChannelServer, path: string) => server.seen.filter((s) => s.path === path);

describe("reminders on channels", () => {
  it("reach every channel that is on, in the user's language; a failing one retries alone", async () => {
    const { user, kase } = await userWithFollowUp("2027-06-01", "zh-CN");
    const ntfy = await addChannel(user, "ntfy", `${good.base}/cc-topic`);
    const hook = await addChannel(user, "webhook", `${good.base}/hook`, WEBHOOK_SECRET);
    await addChannel(user, "telegram", "-1001234567890", BOT_TOKEN);
    const gotify = await addChannel(user, "gotify", `${bad.base}/t1`, "AiVCm1e5mqTnQuc");
    const mine = (server: ChannelServer) =>
      server.seen.filter((s) => /^\/(cc-topic|hook|t1\/message|bot)/.test(s.path));
    const at = new Date("2027-06-01T08:00:00Z");

    await runReminders(at, senders);

    const [topic] = onPath(good, "/cc-topic");
    expect(topic!.body).toContain("Mint Mobile");
    expect(topic!.body).toMatch(/跟进/);
    expect(topic!.body).toContain(`http://localhost:3000/cases/${kase.id}`);

    const [webhook] = onPath(good, "/hook");
    const expected = createHmac("sha256", WEBHOOK_SECRET).update(webhook!.body).digest("hex");
    expect(webhook!.headers["x-cancelcase-signature"]).toBe(`sha256=${expected}`);
    expect(webhook!.headers["x-cancelcase-event"]).toBe("reminder");
    expect(JSON.parse(webhook!.body)).toMatchObject({
      event: "reminder",
      kind: "follow_up",
      locale: "zh-CN",
      caseId: kase.id,
      dueOn: "2027-06-01",
      eventOn: "2027-06-01",
    });

    const [telegram] = onPath(good, `/bot${BOT_TOKEN}/sendMessage`);
    expect(JSON.parse(telegram!.body)).toMatchObject({ chat_id: "-1001234567890" });

    // The failing channel: its own row waits to be retried, its status says why.
    expect(mine(bad)).toHaveLength(1);
    expect(await getChannel(user, gotify.id)).toMatchObject({
      lastStatus: "failed",
      lastError: "answered 503",
    });
    expect(await getChannel(user, ntfy.id)).toMatchObject({ lastStatus: "sent", lastError: null });
    const rows = (await listNotifications(user, { limit: 50 })).items;
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ["gotify", "pending"],
      ["ntfy", "sent"],
      ["telegram", "sent"],
      ["webhook", "sent"],
    ]);
    expect(rows.find((r) => r.channel === "webhook")).toMatchObject({
      channelId: hook.id,
      channelName: "webhook",
    });

    // The service is back: the retry sends on that channel only, once.
    bad.answer({ status: 200, body: "{}" });
    await deliverReminders(new Date(at.getTime() + 2 * 60_000), senders);
    expect(mine(bad)).toHaveLength(2);
    expect(mine(good)).toHaveLength(3);
    expect(await getChannel(user, gotify.id)).toMatchObject({ lastStatus: "sent" });
    await runReminders(new Date(at.getTime() + 60 * 60_000), senders);
    expect(mine(bad)).toHaveLength(2);
    expect(mine(good)).toHaveLength(3);
  });

  it("claim-once: a sender that died after claiming is replaced once its lease runs out, and sends once", async () => {
    const { user } = await userWithFollowUp("2027-06-02");
    await addChannel(user, "ntfy", `${good.base}/lease`);
    const at = new Date("2027-06-02T08:00:00Z");
    // One process plans and claims, then dies (kill -9) before it sends.
    await planReminders(at, senders);
    const [group] = (await dueGroups(at)).filter((g) => g.userId === user.id);
    expect(group!.channel).toMatch(/^ntfy:/);
    expect(await claimReminders(group!.ids, at)).not.toBeNull();

    // The restarted process (and a second instance) run while the lease holds: nothing.
    await Promise.all([
      runReminders(new Date(at.getTime() + LEASE_MS - 1000), senders),
      runReminders(new Date(at.getTime() + LEASE_MS - 1000), senders),
    ]);
    expect(onPath(good, "/lease")).toHaveLength(0);
    // After it: taken again by exactly one of two concurrent passes.
    await Promise.all([
      runReminders(new Date(at.getTime() + LEASE_MS + 1000), senders),
      runReminders(new Date(at.getTime() + LEASE_MS + 1000), senders),
    ]);
    expect(onPath(good, "/lease")).toHaveLength(1);
    await runReminders(new Date(at.getTime() + 2 * LEASE_MS + 1000), senders);
    expect(onPath(good, "/lease")).toHaveLength(1);
  });

  it("a digest is one message on a chat channel, but one request per reminder on a webhook", async () => {
    const { user, subscription } = await userWithFollowUp("2027-06-03");
    await updateSubscriptionRenewal(user, subscription.id, "2027-06-10");
    await addChannel(user, "ntfy", `${good.base}/digest`);
    await addChannel(user, "webhook", `${good.base}/each`, WEBHOOK_SECRET);
    expect((await notificationPrefs(user)).delivery).toBe("digest");

    await runReminders(new Date("2027-06-03T08:00:00Z"), senders);
    const digest = onPath(good, "/digest");
    expect(digest).toHaveLength(1);
    expect(digest[0]!.body.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(2);
    const each = onPath(good, "/each").map((s) => JSON.parse(s.body) as { kind: string });
    expect(each.map((b) => b.kind).sort()).toEqual(["follow_up", "renewal"]);
  });

  it("a channel turned off or removed after planning is not sent to; one off when planning gets no row", async () => {
    const { user } = await userWithFollowUp("2027-06-04");
    const off = await addChannel(user, "ntfy", `${good.base}/off`);
    const gone = await addChannel(user, "ntfy", `${good.base}/gone`);
    const never = await addChannel(user, "ntfy", `${good.base}/never`);
    await updateChannel(user, never.id, { enabled: false });
    const at = new Date("2027-06-04T08:00:00Z");
    await planReminders(at, senders);
    await updateChannel(user, off.id, { enabled: false });
    await deleteChannel(user, gone.id);
    await deliverReminders(at, senders);
    expect(good.seen.filter((s) => /^\/(off|gone|never)$/.test(s.path))).toEqual([]);
    const rows = (await listNotifications(user, { limit: 50 })).items;
    expect(rows.map((r) => r.status)).toEqual(["skipped", "skipped"]);
    // The removed channel's record still says what it was.
    expect(rows.find((r) => r.channelId === gone.id)).toMatchObject({
      channel: "ntfy",
      channelName: null,
    });
  });

  it("a target the guard refuses fails with the guard's reason and never connects", async () => {
    const { user } = await userWithFollowUp("2027-06-05");
    const refused = await addChannel(user, "ntfy", `${good.base}/refused`);
    const strict: Senders = { channel: channelReminderSender({ allowedHosts: [] }) };
    await runReminders(new Date("2027-06-05T08:00:00Z"), strict);
    expect(onPath(good, "/refused")).toHaveLength(0);
    expect(await getChannel(user, refused.id)).toMatchObject({
      lastStatus: "failed",
      lastError: "target_not_allowed: scheme_not_allowed",
    });
  });

  it("email and push settings do not stop channels; a user with only channels is still planned", async () => {
    const { user } = await userWithFollowUp("2027-06-06");
    await saveNotificationPrefs(user, {
      ...(await notificationPrefs(user)),
      emailOn: false,
      pushOn: false,
    });
    await addChannel(user, "ntfy", `${good.base}/only`);
    await runReminders(new Date("2027-06-06T08:00:00Z"), senders);
    expect(onPath(good, "/only")).toHaveLength(1);
  });
});

async function updateSubscriptionRenewal(user: { id: string }, id: string, nextRenewalOn: string) {
  const { updateSubscription } = await import("@/lib/data/subscriptions");
  await updateSubscription(user, id, { nextRenewalOn });
}
