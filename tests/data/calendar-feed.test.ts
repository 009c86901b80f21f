import { describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import {
  calendarFeedStatus,
  createCalendarFeed,
  feedEntries,
  findFeedOwner,
  revokeCalendarFeed,
} from "@/lib/data/calendar-feed";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import { feedCalendar } from "@/lib/documents/calendar";
import { importStatement } from "@/lib/services/import-statement";
import { readCalendarFeedHashesForTests } from "../support/db-inspect";
import { newUser as newTestUser } from "../support/fixtures";
import { statementUpload } from "../support/uploads";

const newUser = () => newTestUser({ timeZone: "Asia/Shanghai" });

const t = (key: string, values?: Record<string, string>) =>
  `${key}${values ? ` ${Object.values(values).join(" ")}` : ""}`;

describe("the calendar feed", () => {
  it("shows a notice period's cancel-by day, keyed by the renewal it is for", async () => {
    const user = await newUser();
    const gym = await createSubscription(user, {
      provider: "Planet Fitness",
      category: "fitness",
      amount: 2499,
      currency: "USD",
      billingCycle: "monthly",
      nextRenewalOn: "2027-01-17",
      noticeDays: 30,
    });
    // 2026-12-18 is past on the 20th: the next renewal's cancel-by day (2027-02-17 − 30).
    const entries = await feedEntries({ ...user, timeZone: "UTC" }, "2026-12-20");
    expect(entries.cancelBys).toEqual([
      {
        subscriptionId: gym.id,
        date: "2027-01-18",
        renewalOn: "2027-02-17",
        provider: "Planet Fitness",
      },
    ]);
    const text = feedCalendar(entries, {
      t,
      baseUrl: "https://cancel.example",
      timeZone: "Asia/Shanghai",
      name: "",
    });
    const event = Object.values(ical.sync.parseICS(text)).find(
      (c): c is VEvent => c?.type === "VEVENT" && c.uid.startsWith("cancel-by-"),
    );
    expect(event).toMatchObject({
      uid: `cancel-by-${gym.id}-2027-02-17@cancelcase`,
      summary: "calendar.cancelBy Planet Fitness",
    });
    expect(event!.start.toISOString().slice(0, 10)).toBe("2027-01-18");
  });

  it("keeps only the token's hash; a new token replaces the old, revoking ends it", async () => {
    const user = await newUser();
    expect(await calendarFeedStatus(user)).toBeNull();
    const first = await createCalendarFeed(user);
    expect((await findFeedOwner(first))?.id).toBe(user.id);
    expect(await readCalendarFeedHashesForTests(user.id)).not.toContain(first);

    const second = await createCalendarFeed(user);
    expect(await findFeedOwner(first)).toBeNull();
    expect((await findFeedOwner(second))?.timeZone).toBe("Asia/Shanghai");
    await revokeCalendarFeed(user);
    expect(await findFeedOwner(second)).toBeNull();
    expect(await findFeedOwner("cal_short")).toBeNull();
  });

  it("shows open cases' follow-ups and live renewals, not closed cases or cancelled plans", async () => {
    const user = await newUser();
    const plan = {
      category: "mobile" as const,
      amount: 1500,
      currency: "USD",
      billingCycle: "monthly" as const,
    };
    const live = await createSubscription(user, {
      ...plan,
      provider: "Visible",
      nextRenewalOn: "2026-12-20",
    });
    const done = await createSubscription(user, {
      ...plan,
      provider: "Hulu",
      nextRenewalOn: "2026-12-21",
    });
    const open = await openCase(user, { subscriptionId: live.id, reason: "cost" });
    await updateCase(user, open.id, { nextFollowUpOn: "2026-12-05", expectedVersion: 1 });
    const closed = await openCase(user, { subscriptionId: done.id, reason: "cost" });
    await updateCase(user, closed.id, {
      nextFollowUpOn: "2026-12-06",
      confirmationNumber: "H-1",
      expectedVersion: 1,
    });
    await transitionCase(user, closed.id, { to: "bill_checked", expectedVersion: 2 });
    await transitionCase(user, closed.id, { to: "request_submitted", expectedVersion: 3 });
    await transitionCase(user, closed.id, { to: "confirmation_received", expectedVersion: 4 });

    // A Hulu charge after the confirmation, on a statement closing 2026-12-10: dispute by
    // 2027-02-08 under the FCBA (a credit card: the label's default), and by 2100-04-30 with
    // the card network (120 days from the charge).
    await importStatement(
      user,
      statementUpload(
        "Date,Description,Amount\n12/31/2099,HULU 877-8244858 CA,18.99\n",
        { account: "Amex ••1005", statementDate: "2026-12-10" },
        "amex.csv",
      ),
    );
    const entries = await feedEntries({ ...user, timeZone: "UTC" }, "2026-12-01");
    expect(entries.disputes.map((d) => [d.provider, d.rule, d.date, d.caseId])).toEqual([
      ["Hulu", "fcba", "2027-02-08", closed.id],
      ["Hulu", "network", "2100-04-30", closed.id],
    ]);
    expect(entries.followUps.map((f) => [f.provider, f.date])).toEqual([["Visible", "2026-12-05"]]);
    expect(entries.renewals.map((r) => [r.provider, r.date])).toEqual([["Visible", "2026-12-20"]]);

    const text = feedCalendar(entries, {
      t,
      baseUrl: "https://cancel.example",
      timeZone: "Asia/Shanghai",
      name: "",
    });
    expect(text).toContain("X-WR-TIMEZONE:Asia/Shanghai");
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (c): c is VEvent => c?.type === "VEVENT",
    );
    expect(events.map((e) => [e.summary, e.start.toISOString().slice(0, 10), e.datetype])).toEqual([
      ["calendar.followUp Visible", "2026-12-05", "date"],
      ["calendar.renewal Visible", "2026-12-20", "date"],
      ["calendar.dispute Hulu accounts.rules.fcba", "2027-02-08", "date"],
      ["calendar.dispute Hulu accounts.rules.network", "2100-04-30", "date"],
    ]);
    // Each deadline is its own event, the FCBA one under the UID the single deadline had.
    expect(events.map((e) => e.uid).filter((uid) => uid.startsWith("dispute-"))).toEqual([
      `dispute-${entries.disputes[0]!.transactionId}@cancelcase`,
      `dispute-${entries.disputes[0]!.transactionId}-network@cancelcase`,
    ]);
    // All-day: the date is the date, wherever the server's clock is.
    expect(text).toContain("DTSTART;VALUE=DATE:20261205");
  });
});
