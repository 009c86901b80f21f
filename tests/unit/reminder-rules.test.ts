import { describe, expect, it } from "vitest";
import {
  afterUserState,
  cancelByDate,
  isSnoozeDay,
  latestRepeat,
  normalLeadTimes,
  parseLeadTimes,
  storedLeadTimes,
  type ReminderState,
} from "@/lib/domain/reminder-rules";
import { DEFAULT_PREFS, dueReminders, type ReminderFacts } from "@/lib/domain/reminders";
import type { CaseState } from "@/lib/domain/case-workflow";

const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  cases: [],
  callBacks: [],
  subscriptions: [],
  trials: [],
  charges: [],
  disputes: [],
  ...over,
});
const due = (f: ReminderFacts, today: string, prefs = DEFAULT_PREFS) =>
  dueReminders(f, prefs, today).map((r) => `${r.kind}:${r.targetId}:${r.dueOn}`);
const sub = (over: Partial<ReminderFacts["subscriptions"][number]> = {}) => ({
  id: "s1",
  provider: "Hulu",
  cancelled: false,
  nextRenewalOn: "2027-03-31",
  billingCycle: "monthly" as const,
  ...over,
});

describe("lead times", () => {
  it("are unique and largest first, stored as text, null for the user's", () => {
    expect(normalLeadTimes([1, 30, 7, 7])).toEqual([30, 7, 1]);
    expect(storedLeadTimes([1, 30, 7])).toBe("30,7,1");
    expect(parseLeadTimes("30,7,1")).toEqual([30, 7, 1]);
    expect(parseLeadTimes("")).toEqual([]);
    expect(parseLeadTimes(null)).toBeNull();
    expect(storedLeadTimes(null)).toBeNull();
  });

  it("a subscription's own lead times replace the user's: 30, 7 and 1 days", () => {
    const f = facts({ subscriptions: [sub({ remindDaysBefore: [30, 7, 1] })] });
    expect(due(f, "2027-02-28")).toEqual([]);
    expect(due(f, "2027-03-01")).toEqual(["renewal:s1:2027-03-01"]);
    expect(due(f, "2027-03-24")).toEqual(["renewal:s1:2027-03-24"]);
    expect(due(f, "2027-03-30")).toEqual(["renewal:s1:2027-03-30"]);
    expect(due(f, "2027-03-31")).toEqual([]);
    // Without its own, the user's 7 and 1: nothing 30 days ahead.
    expect(due(facts({ subscriptions: [sub()] }), "2027-03-01")).toEqual([]);
    // An empty list: no renewal reminder for this one.
    expect(due(facts({ subscriptions: [sub({ remindDaysBefore: [] })] }), "2027-03-30")).toEqual(
      [],
    );
  });

  it("a lead time of 0 reminds on the renewal day itself", () => {
    const f = facts({ subscriptions: [sub({ remindDaysBefore: [1, 0] })] });
    expect(due(f, "2027-03-30")).toEqual(["renewal:s1:2027-03-30"]);
    expect(due(f, "2027-03-31")).toEqual(["renewal:s1:2027-03-31"]);
    expect(due(f, "2027-04-01")).toEqual([]);
  });
});

describe("the cancel-by day of a notice period", () => {
  it("is the renewal less the notice", () => {
    expect(cancelByDate("2027-03-31", 30, "monthly", "2027-01-10")).toEqual({
      cancelBy: "2027-03-01",
      renewalOn: "2027-03-31",
    });
    expect(cancelByDate(null, 30, "monthly", "2027-01-10")).toBeNull();
    expect(cancelByDate("2027-03-31", null, "monthly", "2027-01-10")).toBeNull();
  });

  it("crosses month ends and leap days", () => {
    expect(cancelByDate("2028-03-01", 1, "monthly", "2028-01-01")?.cancelBy).toBe("2028-02-29");
    expect(cancelByDate("2027-03-01", 1, "monthly", "2027-01-01")?.cancelBy).toBe("2027-02-28");
    expect(cancelByDate("2027-01-05", 10, "yearly", "2026-12-01")?.cancelBy).toBe("2026-12-26");
  });

  it("a renewal today: cancel today with no notice, else the next renewal's", () => {
    expect(cancelByDate("2027-01-31", 0, "monthly", "2027-01-31")).toEqual({
      cancelBy: "2027-01-31",
      renewalOn: "2027-01-31",
    });
    // Jan 31 + a month is Feb 28 (month end); its notice of 3 days ends Feb 25.
    expect(cancelByDate("2027-01-31", 3, "monthly", "2027-01-31")).toEqual({
      cancelBy: "2027-02-25",
      renewalOn: "2027-02-28",
    });
  });

  it("a renewal already past steps on by the billing cycle", () => {
    expect(cancelByDate("2026-11-15", 5, "monthly", "2027-01-01")).toEqual({
      cancelBy: "2027-01-10",
      renewalOn: "2027-01-15",
    });
  });

  it("a notice longer than the billing period is for a later renewal", () => {
    // Monthly, 45 days' notice, renewing in 20 days: too late for that one.
    expect(cancelByDate("2027-01-21", 45, "monthly", "2027-01-01")).toEqual({
      cancelBy: "2027-01-07",
      renewalOn: "2027-02-21",
    });
    // Weekly with a year's notice still ends.
    expect(cancelByDate("2027-01-04", 365, "weekly", "2027-01-01")?.cancelBy).toBe("2027-01-03");
  });

  it("is reminded on the cancel-by day, as well as the lead times", () => {
    const f = facts({ subscriptions: [sub({ noticeDays: 30 })] });
    expect(due(f, "2027-02-28")).toEqual([]);
    expect(due(f, "2027-03-01")).toEqual(["cancel_by:s1:2027-03-01"]);
    expect(due(f, "2027-03-24")).toEqual(["renewal:s1:2027-03-24"]);
    const off = { ...DEFAULT_PREFS, renewals: false };
    expect(due(f, "2027-03-01", off)).toEqual([]);
  });
});

const state = (over: Partial<ReminderState> = {}): ReminderState => ({
  kind: "follow_up",
  targetId: "c1",
  eventOn: "2027-01-10",
  snoozedUntil: null,
  acknowledged: false,
  ...over,
});
const openCase = {
  id: "c1",
  // Not waiting on the provider: no silent-review reminder mixes in.
  state: "bill_checked" as CaseState,
  provider: "Mint Mobile",
  nextFollowUpOn: "2027-01-10",
  lastContactOn: "2027-01-09",
  confirmedOn: null,
  billingCycle: "monthly" as const,
};

describe("repeat until acknowledged", () => {
  it("every two days from the first, never past the last day", () => {
    expect(latestRepeat("2027-01-10", "2027-01-09", "2027-02-07")).toBeNull();
    expect(latestRepeat("2027-01-10", "2027-01-10", "2027-02-07")).toBe("2027-01-10");
    expect(latestRepeat("2027-01-10", "2027-01-11", "2027-02-07")).toBe("2027-01-10");
    expect(latestRepeat("2027-01-10", "2027-01-12", "2027-02-07")).toBe("2027-01-12");
    expect(latestRepeat("2027-01-10", "2027-03-01", "2027-02-07")).toBe("2027-02-07");
  });

  it("a follow-up sent and not acknowledged comes back, each repeat its own reminder", () => {
    const f = facts({ cases: [openCase], reminded: [state()] });
    expect(due(f, "2027-01-11")).toEqual(["follow_up:c1:2027-01-10"]);
    expect(due(f, "2027-01-12")).toEqual(["follow_up:c1:2027-01-12"]);
    // Past the catch-up week it still comes back, for four weeks.
    expect(due(f, "2027-01-30")).toEqual(["follow_up:c1:2027-01-30"]);
    expect(due(f, "2027-02-07")).toEqual(["follow_up:c1:2027-02-07"]);
    expect(due(f, "2027-02-16")).toEqual([]);
    // Not sent before (no state): the catch-up week only, as ever.
    expect(due(facts({ cases: [openCase] }), "2027-01-30")).toEqual([]);
  });

  it("acknowledged: no more; a closed case: none", () => {
    const acked = facts({ cases: [openCase], reminded: [state({ acknowledged: true })] });
    expect(due(acked, "2027-01-12")).toEqual([]);
    const closed = facts({
      cases: [{ ...openCase, state: "withdrawn" as CaseState }],
      reminded: [state()],
    });
    expect(due(closed, "2027-01-12")).toEqual([]);
  });

  it("a dispute deadline repeats until the deadline, not after", () => {
    const charge = {
      id: "t1",
      caseId: "c1",
      provider: "Mint Mobile",
      postedOn: "2026-12-03",
      importedOn: "2026-12-10",
      disputeDeadlines: [{ rule: "fcba" as const, on: "2027-02-05" }],
    };
    const reminded = [state({ kind: "dispute", targetId: "t1", eventOn: "2027-02-05" })];
    const f = facts({ charges: [charge], reminded });
    expect(due(f, "2027-01-31")).toEqual(["dispute:t1:2027-01-31"]);
    expect(due(f, "2027-02-05")).toEqual(["dispute:t1:2027-02-04"]);
    expect(due(f, "2027-02-06")).toEqual([]);
  });

  it("a renewal does not repeat", () => {
    const reminded = [state({ kind: "renewal", targetId: "s1", eventOn: "2027-03-31" })];
    const f = facts({ subscriptions: [sub()], reminded });
    expect(due(f, "2027-03-27")).toEqual(["renewal:s1:2027-03-24"]);
  });
});

describe("snooze", () => {
  const r = { kind: "renewal", targetId: "s1", eventOn: "2027-03-31", dueOn: "2027-03-24" };
  it("hides a reminder until its day, then brings it due that day", () => {
    const snoozed = state({ ...r, snoozedUntil: "2027-03-26" });
    expect(afterUserState(r, snoozed, "2027-03-25")).toBeNull();
    expect(afterUserState(r, snoozed, "2027-03-26")).toEqual({ ...r, dueOn: "2027-03-26" });
    expect(afterUserState(r, undefined, "2027-03-25")).toEqual(r);
    expect(afterUserState(r, state({ ...r, acknowledged: true }), "2027-03-25")).toBeNull();
  });

  it("goes through the rules: the snooze's day is a new due day", () => {
    const reminded = [state({ ...r, snoozedUntil: "2027-03-26" })];
    const f = facts({ subscriptions: [sub()], reminded });
    expect(due(f, "2027-03-25")).toEqual([]);
    expect(due(f, "2027-03-26")).toEqual(["renewal:s1:2027-03-26"]);
    // The 1-day lead time is its own window: due then, as before.
    expect(due(f, "2027-03-30")).toEqual(["renewal:s1:2027-03-30"]);
  });

  it("ends after today and at most a year away", () => {
    expect(isSnoozeDay("2027-01-10", "2027-01-10")).toBe(false);
    expect(isSnoozeDay("2027-01-11", "2027-01-10")).toBe(true);
    expect(isSnoozeDay("2028-01-10", "2027-01-10")).toBe(true);
    expect(isSnoozeDay("2028-01-11", "2027-01-10")).toBe(false);
  });
});
