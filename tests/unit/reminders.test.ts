import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_PREFS,
  addCycle,
  dueReminders,
  inQuietHours,
  isPlanningTime,
  localClock,
  retryDelayMs,
  type ReminderFacts,
} from "@/lib/domain/reminders";
import { addDays } from "@/lib/domain/dates";
import type { CaseState } from "@/lib/domain/case-workflow";

const TODAY = "2026-12-10";
const caseFacts = (over: Partial<ReminderFacts["cases"][number]> = {}) => ({
  id: "c1",
  state: "bill_checked" as CaseState,
  provider: "Mint Mobile",
  nextFollowUpOn: null,
  lastContactOn: TODAY,
  confirmedOn: null,
  billingCycle: "monthly" as const,
  ...over,
});
const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  cases: [],
  callBacks: [],
  subscriptions: [],
  trials: [],
  charges: [],
  disputes: [],
  ...over,
});
const kinds = (f: ReminderFacts, today = TODAY, prefs = DEFAULT_PREFS) =>
  dueReminders(f, prefs, today).map((r) => `${r.kind}:${r.targetId}:${r.dueOn}`);

describe("which reminders are due", () => {
  it("a bank late with a dispute, from its first late day, under one key however often planned", () => {
    // Reg E, filed Friday 2026-11-20: ten business days skip Thanksgiving, so
    // the bank has until Monday 2026-12-07 and is late from the 8th.
    const dispute = {
      id: "d1",
      caseId: "c1",
      provider: "Mint Mobile",
      law: "reg_e" as const,
      filedOn: "2026-11-20",
      status: "filed" as const,
      acknowledgedOn: null,
    };
    const f = facts({ disputes: [dispute] });
    expect(kinds(f, "2026-12-07")).toEqual([]);
    expect(kinds(f, "2026-12-08")).toEqual(["bank_late:d1:2026-12-08"]);
    expect(kinds(f, "2026-12-10")).toEqual(["bank_late:d1:2026-12-08"]);
    expect(
      kinds(facts({ disputes: [{ ...dispute, status: "provisional_credit" }] }), "2026-12-10"),
    ).toEqual([]);
    expect(kinds(f, "2026-12-10", { ...DEFAULT_PREFS, statement: false })).toEqual([]);
    // FCBA, filed 2026-11-02: no acknowledgement recorded by 2026-12-02, late from the 3rd.
    const fcba = { ...dispute, id: "d2", law: "fcba" as const, filedOn: "2026-11-02" };
    expect(kinds(facts({ disputes: [fcba] }), "2026-12-02")).toEqual([]);
    expect(kinds(facts({ disputes: [fcba] }), "2026-12-03")).toEqual(["bank_late:d2:2026-12-03"]);
    expect(
      kinds(facts({ disputes: [{ ...fcba, acknowledgedOn: "2026-11-20" }] }), "2026-12-03"),
    ).toEqual([]);
  });

  it("a free trial at the renewal offsets before its cancel-by day, and on that day", () => {
    const cancelBy = addDays(TODAY, 7);
    const f = facts({ trials: [{ id: "s1", provider: "Peacock", cancelBy }] });
    expect(kinds(f)).toEqual([`trial:s1:${TODAY}`]);
    expect(kinds(f, addDays(cancelBy, -1))).toEqual([`trial:s1:${addDays(cancelBy, -1)}`]);
    expect(kinds(f, cancelBy)).toEqual([`trial:s1:${cancelBy}`]);
    expect(kinds(f, addDays(cancelBy, 1))).toEqual([]);
    expect(kinds(f, TODAY, { ...DEFAULT_PREFS, renewals: false })).toEqual([]);
  });

  it("a follow-up on its day and after, within the catch-up week; never for a closed case", () => {
    const f = facts({ cases: [caseFacts({ nextFollowUpOn: TODAY })] });
    expect(kinds(f)).toEqual([`follow_up:c1:${TODAY}`]);
    expect(kinds(f, addDays(TODAY, -1))).toEqual([]);
    expect(kinds(f, addDays(TODAY, 7))).toEqual([`follow_up:c1:${TODAY}`]);
    expect(kinds(f, addDays(TODAY, 8))).toEqual([]);
    for (const state of ["confirmation_received", "withdrawn"] as const) {
      expect(kinds(facts({ cases: [caseFacts({ state, nextFollowUpOn: TODAY })] }))).toEqual([]);
    }
  });

  it("a promised call-back, unless the case's follow-up that day already says it", () => {
    const callBacks = [
      { noteId: "n1", caseId: "c1", followUpOn: TODAY },
      { noteId: "n2", caseId: "c1", followUpOn: addDays(TODAY, -2) },
    ];
    const f = facts({ cases: [caseFacts({ nextFollowUpOn: TODAY })], callBacks });
    expect(kinds(f).sort()).toEqual([
      `call_back:n2:${addDays(TODAY, -2)}`,
      `follow_up:c1:${TODAY}`,
    ]);
  });

  it("a renewal 7 and 1 days ahead; a late start gets the 7-day one at once; cancelled never", () => {
    const sub = { id: "s1", provider: "Hulu", cancelled: false, nextRenewalOn: "2026-12-20" };
    const f = facts({ subscriptions: [sub] });
    expect(kinds(f, "2026-12-12")).toEqual([]);
    expect(kinds(f, "2026-12-13")).toEqual(["renewal:s1:2026-12-13"]);
    expect(kinds(f, "2026-12-17")).toEqual(["renewal:s1:2026-12-13"]);
    expect(kinds(f, "2026-12-19")).toEqual(["renewal:s1:2026-12-19"]);
    expect(kinds(f, "2026-12-20")).toEqual([]);
    expect(kinds(facts({ subscriptions: [{ ...sub, cancelled: true }] }), "2026-12-19")).toEqual(
      [],
    );
    const off = { ...DEFAULT_PREFS, renewals: false };
    expect(kinds(f, "2026-12-19", off)).toEqual([]);
  });

  it("a silent review after N days, however long ago; a new contact moves it", () => {
    const f = facts({ cases: [caseFacts({ state: "under_review", lastContactOn: "2026-11-01" })] });
    expect(kinds(f)).toEqual(["review:c1:2026-11-06"]);
    const recent = facts({
      cases: [caseFacts({ state: "under_review", lastContactOn: "2026-12-08" })],
    });
    expect(kinds(recent)).toEqual([]);
    expect(kinds(recent, "2026-12-13")).toEqual(["review:c1:2026-12-13"]);
    expect(
      kinds(facts({ cases: [caseFacts({ state: "open", lastContactOn: "2026-11-01" })] })),
    ).toEqual([]);
  });

  it("the next statement one billing cycle after the confirmation", () => {
    const confirmed = caseFacts({ state: "confirmation_received", confirmedOn: "2026-11-10" });
    expect(kinds(facts({ cases: [confirmed] }))).toEqual(["statement:c1:2026-12-10"]);
    expect(kinds(facts({ cases: [{ ...confirmed, billingCycle: "yearly" }] }))).toEqual([]);
    expect(addCycle("2026-01-31", "monthly")).toBe("2026-02-28");
    expect(addCycle("2026-11-30", "quarterly")).toBe("2027-02-28");
    expect(addCycle("2024-02-29", "yearly")).toBe("2025-02-28");
    expect(addCycle("2026-12-28", "weekly")).toBe("2027-01-04");
  });

  it("a charge after the cancellation on the day it is imported, and a week before its dispute deadline", () => {
    const charge = {
      id: "t1",
      caseId: "c1",
      provider: "Mint Mobile",
      postedOn: "2026-12-03",
      importedOn: TODAY,
      disputeDeadlines: [{ rule: "fcba" as const, on: "2027-02-05" }],
    };
    const f = facts({ charges: [charge] });
    expect(kinds(f)).toEqual([`charge:t1:${TODAY}`]);
    // Still in the catch-up week, then no more.
    expect(kinds(f, addDays(TODAY, 7))).toEqual([`charge:t1:${TODAY}`]);
    expect(kinds(f, addDays(TODAY, 8))).toEqual([]);
    expect(kinds(f, "2027-01-29")).toEqual(["dispute:t1:2027-01-29"]);
    expect(kinds(f, "2027-02-05")).toEqual(["dispute:t1:2027-01-29"]);
    expect(kinds(f, "2027-02-06")).toEqual([]);
    // No statement date: no deadline to remind of. The statement switch turns both off.
    expect(kinds(facts({ charges: [{ ...charge, disputeDeadlines: [] }] }), "2027-01-29")).toEqual(
      [],
    );
    expect(kinds(f, TODAY, { ...DEFAULT_PREFS, statement: false })).toEqual([]);
    // Found with only three days left: the deadline reminder comes at once.
    const late = { ...charge, importedOn: "2027-02-02" };
    expect(kinds(facts({ charges: [late] }), "2027-02-02")).toEqual([
      "charge:t1:2027-02-02",
      "dispute:t1:2027-01-29",
    ]);
  });

  it("every dispute deadline of a charge is reminded a week before, once each, with its rule's kind", () => {
    // A debit card: Regulation E from the statement, the network's 120 days from the charge.
    const charge = {
      id: "t1",
      caseId: "c1",
      provider: "Mint Mobile",
      postedOn: "2026-12-03",
      importedOn: "2026-11-01",
      disputeDeadlines: [
        { rule: "reg_e" as const, on: "2027-02-05" },
        { rule: "network" as const, on: "2027-04-02" },
      ],
    };
    const f = facts({ charges: [charge] });
    expect(kinds(f, "2027-01-29")).toEqual(["dispute_reg_e:t1:2027-01-29"]);
    // Once Regulation E's day has passed, the network's deadline is still reminded.
    expect(kinds(f, "2027-02-06")).toEqual([]);
    expect(kinds(f, "2027-03-26")).toEqual(["dispute_network:t1:2027-03-26"]);
    expect(kinds(f, "2027-04-02")).toEqual(["dispute_network:t1:2027-03-26"]);
    // Two deadlines on the same day: two reminders, told apart by their kind.
    const sameDay = {
      ...charge,
      disputeDeadlines: [
        { rule: "fcba" as const, on: "2027-02-05" },
        { rule: "network" as const, on: "2027-02-05" },
      ],
    };
    expect(kinds(facts({ charges: [sameDay] }), "2027-01-29")).toEqual([
      "dispute:t1:2027-01-29",
      "dispute_network:t1:2027-01-29",
    ]);
  });

  it("never for a closed or withdrawn case, whatever its dates (property)", () => {
    const date = fc.integer({ min: -20, max: 20 }).map((n) => addDays(TODAY, n));
    fc.assert(
      fc.property(date, date, fc.constantFrom("withdrawn" as const), (followUp, contact, state) => {
        const f = facts({
          cases: [
            caseFacts({
              state,
              nextFollowUpOn: followUp,
              lastContactOn: contact,
              confirmedOn: contact,
            }),
          ],
          callBacks: [{ noteId: "n", caseId: "c1", followUpOn: followUp }],
        });
        return dueReminders(f, DEFAULT_PREFS, TODAY).length === 0;
      }),
    );
  });
});

describe("when a user's day is planned", () => {
  it("at their own 08:00: Los Angeles and Shanghai are 16 hours apart", () => {
    const la = "America/Los_Angeles";
    const sh = "Asia/Shanghai";
    const at = (iso: string, zone: string) => localClock(new Date(iso), zone);
    expect(at("2026-12-02T16:00:00Z", la)).toEqual({ date: "2026-12-02", minutes: 480 });
    expect(at("2026-12-02T00:00:00Z", sh)).toEqual({ date: "2026-12-02", minutes: 480 });
    expect(isPlanningTime(DEFAULT_PREFS, at("2026-12-02T15:59:00Z", la), null)).toBe(false);
    expect(isPlanningTime(DEFAULT_PREFS, at("2026-12-02T16:00:00Z", la), null)).toBe(true);
    expect(isPlanningTime(DEFAULT_PREFS, at("2026-12-02T16:00:00Z", la), "2026-12-02")).toBe(false);
  });

  it("quiet hours wrap past midnight; equal ends mean none", () => {
    const quiet = { quietFrom: "22:00", quietTo: "07:00" };
    expect(inQuietHours(quiet, 23 * 60)).toBe(true);
    expect(inQuietHours(quiet, 6 * 60 + 59)).toBe(true);
    expect(inQuietHours(quiet, 7 * 60)).toBe(false);
    expect(inQuietHours({ quietFrom: "12:00", quietTo: "13:00" }, 12 * 60 + 30)).toBe(true);
    expect(inQuietHours({ quietFrom: "12:00", quietTo: "12:00" }, 12 * 60)).toBe(false);
    expect(inQuietHours({ quietFrom: null, quietTo: null }, 0)).toBe(false);
  });

  it("a failed send waits longer each time, up to six hours", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n) / 60_000)).toEqual([
      1, 5, 15, 60, 180, 360, 360,
    ]);
  });
});
