import { describe, expect, it } from "vitest";
import { openCase, updateCase } from "@/lib/data/cases";
import { listNotifications } from "@/lib/data/notification-list";
import { notificationPrefs, saveNotificationPrefs } from "@/lib/data/notification-settings";
import { acknowledgeNotification, snoozeNotification } from "@/lib/data/reminder-states";
import { createSubscription, getSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { addDays } from "@/lib/domain/dates";
import { runReminders, type Sender } from "@/lib/notifications/run";
import { MOBILE_PLAN, newUser } from "../support/fixtures";

// Issue 36's reminder rules against the real database: lead times and a
// notice period stored per subscription, snooze and acknowledge written to
// the notifications, repeats each claimed once like any reminder.

function recorder() {
  const sent: { userId: string; kinds: string[]; dueOn: string[] }[] = [];
  const send: Sender = async (user, reminders) => {
    sent.push({
      userId: user.id,
      kinds: reminders.map((r) => r.kind),
      dueOn: reminders.map((r) => r.dueOn),
    });
  };
  return { sent, send, of: (id: string) => sent.filter((s) => s.userId === id) };
}

/** 08:00 UTC on `date`: a UTC user's digest time. */
const at = (date: string) => new Date(`${date}T08:00:00Z`);

describe("a subscription's lead times and notice period", () => {
  it("round-trip: its own sorted, else the user's (which can change), null goes back", async () => {
    const user = await newUser({ timeZone: "UTC" });
    const own = await createSubscription(user, {
      ...MOBILE_PLAN,
      remindDaysBefore: [1, 30, 7],
      noticeDays: 30,
    });
    expect(own).toMatchObject({ remindDaysBefore: [30, 7, 1], remindDaysBeforeDefault: false });
    expect(own.noticeDays).toBe(30);
    const plain = await createSubscription(user, MOBILE_PLAN);
    expect(plain).toMatchObject({
      remindDaysBefore: [7, 1],
      remindDaysBeforeDefault: true,
      noticeDays: null,
    });
    await saveNotificationPrefs(user, { ...(await notificationPrefs(user)), renewalDays: [14] });
    expect((await getSubscription(user, plain.id)).remindDaysBefore).toEqual([14]);
    const back = await updateSubscription(user, own.id, {
      remindDaysBefore: null,
      noticeDays: null,
    });
    expect(back).toMatchObject({
      remindDaysBefore: [14],
      remindDaysBeforeDefault: true,
      noticeDays: null,
    });
    // Nothing of the owner's settings leaks into the answer.
    expect(Object.keys(back)).not.toContain("user");
  });

  it("are what the reminder run counts by: 30 days ahead, and the cancel-by day", async () => {
    const user = await newUser({ timeZone: "UTC" });
    const day0 = "2027-05-01";
    const renewal = addDays(day0, 30);
    await createSubscription(user, {
      ...MOBILE_PLAN,
      nextRenewalOn: renewal,
      remindDaysBefore: [30],
    });
    await createSubscription(user, {
      ...MOBILE_PLAN,
      provider: "Hulu",
      nextRenewalOn: addDays(day0, 45),
      noticeDays: 45,
    });
    const mail = recorder();
    await runReminders(at(day0), { email: mail.send });
    expect(
      mail
        .of(user.id)
        .flatMap((m) => m.kinds)
        .sort(),
    ).toEqual(["cancel_by", "renewal"]);
  });
});

describe("repeat until acknowledged, snooze", () => {
  async function followUpOn(date: string) {
    const user = await newUser({ timeZone: "UTC" });
    const subscription = await createSubscription(user, MOBILE_PLAN);
    const kase = await openCase(user, { subscriptionId: subscription.id, reason: "cost" });
    await updateCase(user, kase.id, { nextFollowUpOn: date, expectedVersion: 1 });
    return user;
  }

  it("a follow-up comes back every two days, once per repeat across restarts and instances", async () => {
    const day0 = "2027-06-01";
    const user = await followUpOn(day0);
    const mail = recorder();
    for (let day = 0; day <= 4; day++) {
      const now = at(addDays(day0, day));
      // Two instances at once, then a restarted one a minute later: state is all in the database.
      await Promise.all([
        runReminders(now, { email: mail.send }),
        runReminders(now, { email: mail.send }),
      ]);
      await runReminders(new Date(now.getTime() + 60_000), { email: mail.send });
    }
    expect(mail.of(user.id).map((m) => m.dueOn)).toEqual([
      [day0],
      [addDays(day0, 2)],
      [addDays(day0, 4)],
    ]);
    const [latest] = (await listNotifications(user, { limit: 1 })).items;
    await acknowledgeNotification(user, latest!.id);
    for (let day = 5; day <= 9; day++)
      await runReminders(at(addDays(day0, day)), { email: mail.send });
    expect(mail.of(user.id)).toHaveLength(3);
    const listed = await listNotifications(user, { limit: 10 });
    expect(listed.items.every((n) => n.acknowledgedAt !== null)).toBe(true);
  });

  it("a snoozed follow-up waits for its day, then comes once; the snooze is the owner's", async () => {
    const day0 = "2027-07-01";
    const user = await followUpOn(day0);
    const stranger = await newUser();
    const mail = recorder();
    await runReminders(at(day0), { email: mail.send });
    const [first] = (await listNotifications(user, { limit: 1 })).items;
    await expect(
      snoozeNotification(stranger, first!.id, addDays(day0, 5), day0),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(snoozeNotification(user, first!.id, day0, day0)).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(acknowledgeNotification(stranger, first!.id)).rejects.toMatchObject({
      code: "not_found",
    });
    const snoozed = await snoozeNotification(user, first!.id, addDays(day0, 5), day0);
    expect(snoozed.snoozedUntil).toBe(addDays(day0, 5));
    for (let day = 1; day <= 7; day++) {
      await runReminders(at(addDays(day0, day)), { email: mail.send });
      await runReminders(new Date(at(addDays(day0, day)).getTime() + 60_000), { email: mail.send });
    }
    // Its repeats count on from the snooze's day.
    expect(mail.of(user.id).map((m) => m.dueOn)).toEqual([
      [day0],
      [addDays(day0, 5)],
      [addDays(day0, 7)],
    ]);
  });
});
