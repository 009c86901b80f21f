import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  federalReserveClosings,
  federalReserveHolidays,
  isBusinessDay,
} from "@/lib/domain/business-days";
import { addDays, daysBetween } from "@/lib/domain/dates";
import {
  ACCOUNT_KINDS,
  bankDuties,
  disputeByOf,
  disputeDeadlines,
  RULE_SOURCES,
} from "@/lib/domain/dispute-deadlines";

/** Any calendar date from 1990 to 2100. */
const dates = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2100-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe("the Federal Reserve Banks' calendar", () => {
  it("has the holidays the Richmond Fed lists for 2025, 2026 and 2027", () => {
    // https://www.richmondfed.org/about_us/holiday_schedule, read on 2026-12-06.
    expect(federalReserveHolidays(2025)).toEqual([
      "2025-01-01",
      "2025-01-20",
      "2025-02-17",
      "2025-05-26",
      "2025-06-19",
      "2025-07-04",
      "2025-09-01",
      "2025-10-13",
      "2025-11-11",
      "2025-11-27",
      "2025-12-25",
    ]);
    expect(federalReserveHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-04",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]);
    expect(federalReserveHolidays(2027)).toEqual([
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-05-31",
      "2027-06-19",
      "2027-07-04",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-25",
    ]);
  });

  it("stays open the Friday before a Saturday holiday and closes the Monday after a Sunday one", () => {
    // 2026: July 4 is a Saturday. 2027: June 19 and Dec 25 Saturdays, July 4 a Sunday.
    expect(federalReserveClosings(2026)).not.toContain("2026-07-03");
    expect(federalReserveClosings(2026)).not.toContain("2026-07-04");
    expect(isBusinessDay("2026-07-03")).toBe(true);
    expect(federalReserveClosings(2027)).toContain("2027-07-05");
    expect(isBusinessDay("2027-07-05")).toBe(false);
    expect(isBusinessDay("2027-06-18")).toBe(true);
    expect(isBusinessDay("2027-12-24")).toBe(true);
    // Christmas 2022 and New Year 2023 fell on Sundays: the Mondays after were closed.
    expect(isBusinessDay("2022-12-26")).toBe(false);
    expect(isBusinessDay("2023-01-02")).toBe(false);
  });

  it("puts every movable holiday on its weekday, in its week, every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const [, mlk, washington, memorial, ...rest] = federalReserveHolidays(year);
        const thanksgiving = rest.at(-2)!;
        for (const monday of [mlk!, washington!, memorial!]) expect(weekday(monday)).toBe(1);
        expect(Number(mlk!.slice(8))).toBeGreaterThanOrEqual(15);
        expect(Number(mlk!.slice(8))).toBeLessThanOrEqual(21);
        expect(Number(memorial!.slice(8))).toBeGreaterThanOrEqual(25);
        expect(weekday(thanksgiving)).toBe(4);
        expect(Number(thanksgiving.slice(8))).toBeGreaterThanOrEqual(22);
        expect(Number(thanksgiving.slice(8))).toBeLessThanOrEqual(28);
        // Every closing is a weekday of that year.
        for (const closed of federalReserveClosings(year)) {
          expect(closed.startsWith(`${year}-`) || closed === `${year + 1}-01-01`).toBe(true);
          expect([0, 6]).not.toContain(weekday(closed));
        }
      }),
    );
  });
});

describe("business days", () => {
  it("counts ten from a Friday over Christmas and New Year", () => {
    // Dec 21-24 (4), Dec 25 closed, Dec 28-31 (8), Jan 1 closed, Jan 4 (9), Jan 5 (10).
    expect(addBusinessDays("2026-12-18", 10)).toBe("2027-01-05");
    expect(addBusinessDays("2026-12-07", 10)).toBe("2026-12-21");
    // A notice received on a Saturday: counting starts on the Monday.
    expect(addBusinessDays("2026-12-05", 10)).toBe("2026-12-18");
    expect(addBusinessDays("2026-12-05", 0)).toBe("2026-12-05");
  });

  it("lands on a business day exactly `n` business days later, never sooner than n days", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const end = addBusinessDays(date, n);
        expect(isBusinessDay(end)).toBe(true);
        let counted = 0;
        let closed = 0;
        for (let day = addDays(date, 1); day <= end; day = addDays(day, 1)) {
          if (isBusinessDay(day)) counted++;
          else if (![0, 6].includes(weekday(day))) closed++;
        }
        expect(counted).toBe(n);
        expect(daysBetween(date, end)).toBeGreaterThanOrEqual(n);
        // Every 7 days hold 5 weekdays: the n days and the holidays among them need no more weeks.
        expect(daysBetween(date, end)).toBeLessThanOrEqual(Math.ceil((n + closed) / 5) * 7);
      }),
    );
  });

  it("moves later when asked for more", () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (date, n, more) => {
          expect(addBusinessDays(date, n + more) > addBusinessDays(date, n)).toBe(true);
        },
      ),
    );
  });
});

describe("a charge's dispute deadlines", () => {
  it("names the law by the account: FCBA for a credit card, Reg E for debit and ACH, the network for cards", () => {
    const charge = { statementDate: "2026-12-01", postedOn: "2026-11-20" };
    expect(disputeDeadlines({ ...charge, accountKind: "credit_card" })).toEqual([
      { rule: "fcba", on: "2027-01-30" },
      { rule: "network", on: "2027-03-20" },
    ]);
    expect(disputeDeadlines({ ...charge, accountKind: "debit_card" })).toEqual([
      { rule: "reg_e", on: "2027-01-30" },
      { rule: "network", on: "2027-03-20" },
    ]);
    expect(disputeDeadlines({ ...charge, accountKind: "bank_account" })).toEqual([
      { rule: "reg_e", on: "2027-01-30" },
    ]);
    // A statement without a date: only the network's window is known.
    expect(disputeDeadlines({ ...charge, statementDate: null, accountKind: "debit_card" })).toEqual(
      [{ rule: "network", on: "2027-03-20" }],
    );
    expect(
      disputeDeadlines({ ...charge, statementDate: null, accountKind: "bank_account" }),
    ).toEqual([]);
  });

  it("crosses month ends and leap days as the calendar does", () => {
    const on = (statementDate: string) =>
      disputeDeadlines({ accountKind: "bank_account", statementDate, postedOn: statementDate })[0]!
        .on;
    expect(on("2027-12-31")).toBe("2028-02-29");
    expect(on("2028-01-01")).toBe("2028-03-01");
    expect(on("2026-12-31")).toBe("2027-03-01");
    expect(on("2026-01-31")).toBe("2026-04-01");
  });

  it("lists them nearest first, and disputeBy is the nearest still ahead, else the last", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCOUNT_KINDS),
        fc.option(dates, { nil: null }),
        dates,
        dates,
        (accountKind, statementDate, postedOn, today) => {
          const deadlines = disputeDeadlines({ accountKind, statementDate, postedOn });
          for (let i = 1; i < deadlines.length; i++) {
            expect(deadlines[i - 1]!.on <= deadlines[i]!.on).toBe(true);
          }
          const by = disputeByOf(deadlines, today);
          const ahead = deadlines.filter((d) => d.on >= today);
          expect(by).toBe(ahead[0]?.on ?? deadlines.at(-1)?.on ?? null);
        },
      ),
    );
  });
});

describe("what the bank owes once it has the notice", () => {
  it("Reg E: 10 business days to investigate or credit, 45 days to resolve", () => {
    expect(bankDuties("reg_e", "2026-12-18")).toEqual([
      { duty: "investigate_or_credit", by: "2027-01-05" },
      { duty: "resolve", by: "2027-02-01" },
    ]);
  });

  it("FCBA: 30 days to acknowledge, at most 90 to resolve", () => {
    expect(bankDuties("fcba", "2026-12-18")).toEqual([
      { duty: "acknowledge", by: "2027-01-17" },
      { duty: "resolve", by: "2027-03-18" },
    ]);
  });

  it("never asks for a duty before the notice arrived, nor out of order", () => {
    fc.assert(
      fc.property(fc.constantFrom("fcba" as const, "reg_e" as const), dates, (law, receivedOn) => {
        const duties = bankDuties(law, receivedOn);
        expect(duties[0]!.by > receivedOn).toBe(true);
        expect(duties[0]!.by < duties[1]!.by).toBe(true);
      }),
    );
  });
});

describe("the rules' sources", () => {
  it("are https or http addresses, each read on a day no later than today", () => {
    for (const sources of Object.values(RULE_SOURCES)) {
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(new URL(source.url).protocol).toMatch(/^https?:$/);
        expect(source.readOn <= new Date().toISOString().slice(0, 10)).toBe(true);
      }
    }
  });
});
