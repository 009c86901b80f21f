import { describe, expect, it } from "vitest";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { listNotifications } from "@/lib/data/notification-list";
import { acknowledgeNotification } from "@/lib/data/reminder-states";
import { LEASE_MS, claimReminders, dueGroups } from "@/lib/data/system/reminder-sends";
import { notificationPrefs, saveNotificationPrefs } from "@/lib/data/notification-settings";
import { createSubscription } from "@/lib/data/subscriptions";
import { addNote } from "@/lib/data/notes";
import { registerUser } from "@/lib/data/users";
import { addDays, todayIn } from "@/lib/domain/dates";
import { DEFAULT_PREFS } from "@/lib/domain/reminders";
import { importStatement } from "@/lib/services/import-statement";
import {
  deliverReminders,
  planReminders,
  runReminders,
  type Sender,
} from "@/lib/notifications/run";
import { afterEachStatement, countNotificationsForTests } from "../support/db-inspect";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// The reminder machine against the real database, with the clock passed in
// and a channel that records what it was given (the real SMTP server and
// push decryption are in tests/e2e/reminders.spec.ts).

async function userWithFollowUp(timeZone: string, followUpOn: string) {
  const user = await registerUser({
    email: `n${Math.random().toString(36).slice(2)}@example.com`,
    password: "reminders reach people",
    timeZone,
  });
  const subscription = await createSubscription(user, {
    provider: `Mint Mobile ${timeZone}`,
    category: "mobile",
    amount: 1500,
    currency: "USD",
    billingCycle: "monthly",
  });
  const kase = await openCase(user, { subscriptionId: subscription.id, reason: "cost" });
  await updateCase(user, kase.id, { nextFollowUpOn: followUpOn, expectedVersion: 1 });
  return { user, kase };
}

/** A Hulu subscription renewing on `nextRenewalOn` (a renewal reminder 7 days ahead). */
function hulu(user: { id: string }, nextRenewalOn: string) {
  return createSubscription(user, {
    provider: "Hulu",
    category: "streaming",
    amount: 1899,
    currency: "USD",
    billingCycle: "monthly",
    nextRenewalOn,
  });
}

function recorder(fail: (userId: string) => boolean = () => false) {
  const sent: { userId: string; kinds: string[]; today: string }[] = [];
  const send: Sender = async (user, reminders, today) => {
    if (fail(user.id)) throw new Error("the mail server said no");
    sent.push({ userId: user.id, kinds: reminders.map((r) => r.kind), today });
  };
  return { sent, send, of: (id: string) => sent.filter((s) => s.userId === id) };
}

describe("reminders", () => {
  it("reach Los Angeles and Shanghai at their own 08:00, once", async () => {
    const la = await userWithFollowUp("America/Los_Angeles", "2027-03-02");
    const sh = await userWithFollowUp("Asia/Shanghai", "2027-03-02");
    const mail = recorder();
    const tick = (iso: string) => runReminders(new Date(iso), { email: mail.send });

    await tick("2027-03-01T23:59:00Z"); // Shanghai 07:59 on the 2nd
    expect(mail.of(sh.user.id)).toEqual([]);
    await tick("2027-03-02T00:00:00Z"); // Shanghai 08:00
    expect(mail.of(sh.user.id)).toEqual([
      { userId: sh.user.id, kinds: ["follow_up"], today: "2027-03-02" },
    ]);
    expect(mail.of(la.user.id)).toEqual([]); // Los Angeles: 16:00 on the 1st

    await tick("2027-03-02T15:59:00Z"); // Los Angeles 07:59
    expect(mail.of(la.user.id)).toEqual([]);
    await tick("2027-03-02T16:00:00Z"); // Los Angeles 08:00
    expect(mail.of(la.user.id)).toHaveLength(1);
    for (const minutes of [1, 60, 600]) {
      await tick(new Date(Date.parse("2027-03-02T16:00:00Z") + minutes * 60_000).toISOString());
    }
    expect(mail.of(la.user.id)).toHaveLength(1);
    expect(mail.of(sh.user.id)).toHaveLength(1);
    const listed = await listNotifications(la.user, { limit: 10 });
    expect(listed.items.map((n) => [n.kind, n.channel, n.status, n.eventOn])).toEqual([
      ["follow_up", "email", "sent", "2027-03-02"],
    ]);
  });

  it("two passes at the same moment send each reminder once", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-04-01");
    const mail = recorder();
    const at = new Date("2027-04-01T08:00:00Z");
    await Promise.all([
      runReminders(at, { email: mail.send }),
      runReminders(at, { email: mail.send }),
      runReminders(at, { email: mail.send }),
    ]);
    expect(mail.of(user.id)).toHaveLength(1);
  });

  it("a sender running while a planner writes the day: the digest is one message, never split", async () => {
    // The CI failure of 2026-12-06: one server's sender took the first row
    // of a digest while the other server was still writing the second.
    const { user } = await userWithFollowUp("UTC", "2027-04-11");
    await hulu(user, "2027-04-18");
    const mail = recorder();
    const at = new Date("2027-04-11T08:00:00Z");
    // Another server's view: its own connection, looking after every row
    // this one writes (what it sees is what its sender would claim).
    const seen = new Set<number>();
    await afterEachStatement(/^INSERT INTO .*Notification/, async () =>
      seen.add(await countNotificationsForTests(user.id)),
    )(() => planReminders(at, { email: mail.send }));
    seen.add(await countNotificationsForTests(user.id));
    expect(seen.size).toBeGreaterThan(0);
    expect([...seen].filter((n) => n !== 0 && n !== 2)).toEqual([]);
    await deliverReminders(at, { email: mail.send });
    expect(mail.of(user.id).map((m) => m.kinds.sort())).toEqual([["follow_up", "renewal"]]);
  });

  it("a sender that died after claiming: taken again once its lease runs out, sent once", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-05-01");
    const mail = recorder();
    const at = new Date("2027-05-01T08:00:00Z");
    // A sender plans and claims, then dies before sending (kill -9 between claim and send).
    await planReminders(at, { email: mail.send });
    const [group] = (await dueGroups(at)).filter((g) => g.userId === user.id);
    expect(await claimReminders(group!.ids, at)).not.toBeNull();

    await runReminders(new Date(at.getTime() + LEASE_MS - 1000), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]);
    await runReminders(new Date(at.getTime() + LEASE_MS + 1000), { email: mail.send });
    expect(mail.of(user.id)).toHaveLength(1);
    await runReminders(new Date(at.getTime() + 2 * LEASE_MS + 1000), { email: mail.send });
    expect(mail.of(user.id)).toHaveLength(1);
  });
});

describe("reminders that cannot go or are no longer due", () => {
  it("a failed send is retried with back-off and shown as failed after a day", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-06-01");
    const mail = recorder(() => true);
    const start = Date.parse("2027-06-01T08:00:00Z");
    await runReminders(new Date(start), { email: mail.send });
    let [row] = (await listNotifications(user, { limit: 5 })).items;
    expect([row!.status, row!.attempts]).toEqual(["pending", 1]);
    // Not again before the back-off (1 minute after the first failure).
    await runReminders(new Date(start + 30_000), { email: mail.send });
    [row] = (await listNotifications(user, { limit: 5 })).items;
    expect(row!.attempts).toBe(1);
    for (let minute = 1; minute <= 26 * 60; minute += 30) {
      await runReminders(new Date(start + minute * 60_000), { email: mail.send });
    }
    [row] = (await listNotifications(user, { limit: 5 })).items;
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBeGreaterThan(3);
    expect(row!.attempts).toBeLessThan(12);
  });

  it("a case withdrawn before its reminder goes is not reminded; quiet hours wait", async () => {
    const { user, kase } = await userWithFollowUp("UTC", "2027-07-01");
    await saveNotificationPrefs(user, {
      ...DEFAULT_PREFS,
      digestTime: "07:00",
      quietFrom: "07:30",
      quietTo: "09:00",
    });
    const mail = recorder();
    await planReminders(new Date("2027-07-01T07:00:00Z"), { email: mail.send });
    await runReminders(new Date("2027-07-01T07:45:00Z"), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]); // quiet
    await transitionCase(user, kase.id, { to: "withdrawn", expectedVersion: 2 });
    await runReminders(new Date("2027-07-01T09:30:00Z"), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]);
    const [row] = (await listNotifications(user, { limit: 5 })).items;
    expect(row!.status).toBe("skipped");
  });

  it("nothing is planned for a channel that is off, and preferences round-trip", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-08-01");
    const prefs = {
      ...DEFAULT_PREFS,
      emailOn: false,
      renewalDays: [14, 3],
      delivery: "each" as const,
    };
    expect(await saveNotificationPrefs(user, prefs)).toEqual(prefs);
    expect(await notificationPrefs(user)).toEqual(prefs);
    const mail = recorder();
    await runReminders(new Date("2027-08-01T08:00:00Z"), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]);
    expect((await listNotifications(user, { limit: 5 })).items).toEqual([]);
  });

  it("one message per reminder when asked, a digest otherwise", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-09-01");
    await hulu(user, "2027-09-08");
    const digest = recorder();
    await runReminders(new Date("2027-09-01T08:00:00Z"), { email: digest.send });
    expect(digest.of(user.id).map((m) => m.kinds.sort())).toEqual([["follow_up", "renewal"]]);

    const other = await userWithFollowUp("UTC", "2027-09-01");
    await hulu(other.user, "2027-09-08");
    await saveNotificationPrefs(other.user, { ...DEFAULT_PREFS, delivery: "each" });
    const each = recorder();
    await runReminders(new Date("2027-09-01T08:00:00Z"), { email: each.send });
    expect(each.of(other.user.id)).toHaveLength(2);
  });
});

describe("what becomes due after the digest went out", () => {
  it("a follow-up set for today after the digest goes at the next tick, once", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-10-01");
    const mail = recorder();
    await runReminders(new Date("2027-10-01T08:00:00Z"), { email: mail.send });
    expect(mail.of(user.id).map((m) => m.kinds)).toEqual([["follow_up"]]);

    // At 14:00 the user opens another case and sets its follow-up for today.
    const other = await createSubscription(user, {
      provider: "Hulu",
      category: "streaming",
      amount: 1899,
      currency: "USD",
      billingCycle: "monthly",
    });
    const kase = await openCase(user, { subscriptionId: other.id, reason: "cost" });
    await updateCase(user, kase.id, { nextFollowUpOn: "2027-10-01", expectedVersion: 1 });
    await runReminders(new Date("2027-10-01T14:01:00Z"), { email: mail.send });
    expect(mail.of(user.id).map((m) => m.kinds)).toEqual([["follow_up"], ["follow_up"]]);
    expect(mail.of(user.id)[1]!.today).toBe("2027-10-01");

    // Later ticks, and another write that changes nothing due, send nothing again.
    await updateCase(user, kase.id, { nextFollowUpOn: "2027-10-01", expectedVersion: 2 });
    for (const at of ["2027-10-01T14:02:00Z", "2027-10-01T20:00:00Z", "2027-10-02T07:59:00Z"]) {
      await runReminders(new Date(at), { email: mail.send });
    }
    expect(mail.of(user.id)).toHaveLength(2);
  });

  it("email turned on after the digest time: today's reminders go by email at the next tick", async () => {
    const { user } = await userWithFollowUp("UTC", "2027-10-05");
    await saveNotificationPrefs(user, { ...DEFAULT_PREFS, emailOn: false });
    const mail = recorder();
    await runReminders(new Date("2027-10-05T08:00:00Z"), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]);

    await saveNotificationPrefs(user, { ...DEFAULT_PREFS, emailOn: true });
    await runReminders(new Date("2027-10-05T10:01:00Z"), { email: mail.send });
    expect(mail.of(user.id).map((m) => [m.kinds, m.today])).toEqual([
      [["follow_up"], "2027-10-05"],
    ]);
    await runReminders(new Date("2027-10-05T10:02:00Z"), { email: mail.send });
    expect(mail.of(user.id)).toHaveLength(1);
  });

  it("a charge flagged by an import after the digest goes at the next tick", async () => {
    const user = await newUser({ timeZone: "UTC" });
    const actor = { ...user, timeZone: "UTC" };
    const sub = await createSubscription(actor, { ...MOBILE_PLAN, provider: "Mint Mobile" });
    const kase = await openCase(actor, { subscriptionId: sub.id, reason: "cost" });
    await updateCase(actor, kase.id, { confirmationNumber: "MM-7731", expectedVersion: 1 });
    await transitionCase(actor, kase.id, { to: "bill_checked", expectedVersion: 2 });
    await transitionCase(actor, kase.id, { to: "request_submitted", expectedVersion: 3 });
    await transitionCase(actor, kase.id, { to: "confirmation_received", expectedVersion: 4 });
    await saveNotificationPrefs(actor, { ...DEFAULT_PREFS, digestTime: "00:00" });
    const mail = recorder();
    // The day is planned (real time: an import stamps the real day), nothing is due yet.
    await runReminders(new Date(), { email: mail.send });
    expect(mail.of(user.id)).toEqual([]);

    const later = addDays(todayIn("UTC"), 3);
    await importStatement(
      actor,
      statementUpload(CHASE_HEADER + chaseLine(later, "MINT MOBILE 800-683-7392 CA", "-30.00")),
    );
    await runReminders(new Date(), { email: mail.send });
    expect(mail.of(user.id).map((m) => m.kinds)).toEqual([["charge"]]);
  });

  it("planning again the same day keeps to 50 reminders for that day", async () => {
    const user = await newUser({ timeZone: "UTC" });
    const renewing = (i: number) =>
      createSubscription(user, {
        ...MOBILE_PLAN,
        provider: `Plan ${i}`,
        nextRenewalOn: "2028-02-08",
      });
    for (let i = 0; i < 45; i++) await renewing(i);
    const mail = recorder();
    await runReminders(new Date("2028-02-01T08:00:00Z"), { email: mail.send });
    expect(mail.of(user.id).flatMap((m) => m.kinds)).toHaveLength(45);
    for (let i = 45; i < 60; i++) await renewing(i);
    await runReminders(new Date("2028-02-01T09:00:00Z"), { email: mail.send });
    expect(mail.of(user.id).flatMap((m) => m.kinds)).toHaveLength(50);
    expect((await listNotifications(user, { limit: 100 })).items).toHaveLength(50);
  });
});

describe("a typical case, day by day", () => {
  it("day 0 nothing; day 2 the call-back; day 3 the renewal; day 5 no news; day 9 the renewal again", async () => {
    // Los Angeles. Day 0 is today: the case is opened and the request made on
    // the phone; the agent promises a call-back on day 2; the plan renews on day 10.
    const zone = "America/Los_Angeles";
    const user = await registerUser({
      email: `day${Math.random().toString(36).slice(2)}@example.com`,
      password: "a typical cancellation",
      timeZone: zone,
    });
    const day0 = todayIn(zone);
    const subscription = await createSubscription(user, {
      provider: "Mint Mobile",
      category: "mobile",
      amount: 3000,
      currency: "USD",
      billingCycle: "monthly",
      nextRenewalOn: addDays(day0, 10),
    });
    const kase = await openCase(user, { subscriptionId: subscription.id, reason: "cost" });
    await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: 1 });
    await transitionCase(user, kase.id, { to: "request_submitted", expectedVersion: 2 });
    await addNote(
      user,
      kase.id,
      {
        channel: "phone",
        occurredAt: new Date(),
        summary: "Asked to cancel; the agent will call back",
        followUpOn: addDays(day0, 2),
      },
      day0,
    );

    const mail = recorder();
    const got: Record<number, string[]> = {};
    for (let day = 0; day <= 10; day++) {
      // 08:00 in Los Angeles on that day (PST, UTC-8), and an evening pass too.
      const date = addDays(day0, day);
      for (const hour of ["16:00", "23:30"]) {
        await runReminders(new Date(`${date}T${hour}:00Z`), { email: mail.send });
      }
      const today = mail.of(user.id).splice(0);
      mail.sent.splice(0);
      if (today.length) got[day] = today.flatMap((m) => m.kinds);
      // The user reads the follow-up and says so: it does not come back
      // (tests/data/reminder-rules.test.ts: what it does when nobody does).
      if (day === 2) {
        const [followUp] = (await listNotifications(user, { limit: 5 })).items;
        await acknowledgeNotification(user, followUp!.id);
      }
    }
    expect(got).toEqual({
      2: ["follow_up"],
      3: ["renewal"],
      5: ["review"],
      9: ["renewal"],
    });
  });
});

describe("bounds", () => {
  it("at most 50 reminders a day for one user, and records older than 180 days go", async () => {
    const user = await registerUser({
      email: `many${Math.random().toString(36).slice(2)}@example.com`,
      password: "thousands of renewals",
      timeZone: "UTC",
    });
    for (let i = 0; i < 60; i++) {
      await createSubscription(user, {
        provider: `Plan ${i}`,
        category: "streaming",
        amount: 100,
        currency: "USD",
        billingCycle: "monthly",
        nextRenewalOn: "2028-01-08",
      });
    }
    const mail = recorder();
    await runReminders(new Date("2028-01-01T08:00:00Z"), { email: mail.send });
    expect(mail.of(user.id).flatMap((m) => m.kinds)).toHaveLength(50);
    expect((await listNotifications(user, { limit: 100 })).items).toHaveLength(50);

    // 181 days on, the next day's planning removes them.
    await runReminders(new Date("2028-07-01T08:00:00Z"), { email: mail.send });
    expect((await listNotifications(user, { limit: 100 })).items).toEqual([]);
  });
});
