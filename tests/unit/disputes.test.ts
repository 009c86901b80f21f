import { describe, expect, it } from "vitest";
import {
  bankDutyStates,
  canMoveDispute,
  DISPUTE_STATUSES,
  disputeChange,
  disputeNext,
  disputeSteps,
  dutyMet,
  nextStepsAfter,
} from "@/lib/domain/disputes";

describe("a dispute's moves", () => {
  it("goes from filed to a provisional credit or an outcome, and from a credit to an outcome", () => {
    expect(canMoveDispute("filed", "provisional_credit")).toBe(true);
    expect(canMoveDispute("filed", "denied")).toBe(true);
    expect(canMoveDispute("provisional_credit", "credited")).toBe(true);
    expect(canMoveDispute("provisional_credit", "denied")).toBe(true);
  });

  it("never takes a credit back to filed, nor leaves an outcome", () => {
    expect(canMoveDispute("provisional_credit", "filed")).toBe(false);
    for (const closed of ["credited", "denied", "withdrawn"] as const) {
      for (const to of DISPUTE_STATUSES) expect(canMoveDispute(closed, to)).toBe(to === closed);
    }
  });
});

describe("the bank's duties", () => {
  // Filed Friday 2026-11-20: ten business days skip Thanksgiving (Thursday
  // 2026-11-26), so the bank has until Monday 2026-12-07, not Friday 12-04.
  const regE = {
    law: "reg_e" as const,
    filedOn: "2026-11-20",
    status: "filed" as const,
    acknowledgedOn: null,
  };

  it("is not late on the tenth business day, counting the holiday", () => {
    const [investigate] = bankDutyStates(regE, "2026-12-07");
    expect(investigate).toEqual({
      duty: "investigate_or_credit",
      by: "2026-12-07",
      met: false,
      late: false,
      lateSince: null,
    });
    expect(bankDutyStates(regE, "2026-12-05")[0]!.late).toBe(false);
  });

  it("is late the day after, since that day", () => {
    const duties = bankDutyStates(regE, "2026-12-08");
    expect(duties[0]!.late).toBe(true);
    expect(disputeNext(duties)).toEqual({
      kind: "late",
      duty: "investigate_or_credit",
      since: "2026-12-08",
    });
  });

  it("is met by a provisional credit, then waits for the 45-day resolution", () => {
    const duties = bankDutyStates({ ...regE, status: "provisional_credit" }, "2026-12-08");
    expect(duties.map((d) => [d.duty, d.met, d.late])).toEqual([
      ["investigate_or_credit", true, false],
      ["resolve", false, false],
    ]);
    expect(disputeNext(duties)).toEqual({
      kind: "due",
      duty: "resolve",
      by: "2027-01-04",
    });
  });

  it("owes nothing once there is an outcome, however late", () => {
    const duties = bankDutyStates({ ...regE, status: "denied" }, "2027-06-01");
    expect(duties.every((d) => d.met === true && !d.late)).toBe(true);
    expect(disputeNext(duties)).toBeNull();
  });

  it("is late with an FCBA acknowledgement not recorded by its 30th day; a recorded one meets it", () => {
    const fcba = {
      law: "fcba" as const,
      filedOn: "2026-01-10",
      status: "filed" as const,
      acknowledgedOn: null,
    };
    expect(bankDutyStates(fcba, "2026-02-09")[0]).toEqual({
      duty: "acknowledge",
      by: "2026-02-09",
      met: false,
      late: false,
      lateSince: null,
    });
    const duties = bankDutyStates(fcba, "2026-03-01");
    // Late from the day after its last day: that is the day the page and the reminder name.
    expect(duties[0]).toEqual({
      duty: "acknowledge",
      by: "2026-02-09",
      met: false,
      late: true,
      lateSince: "2026-02-10",
    });
    expect(disputeNext(duties)).toEqual({
      kind: "late",
      duty: "acknowledge",
      since: "2026-02-10",
    });
    expect(dutyMet("acknowledge", fcba)).toBe(false);
    expect(dutyMet("acknowledge", { ...fcba, acknowledgedOn: "2026-01-30" })).toBe(true);
    // The bank answering at all (a provisional credit) shows it has the notice.
    expect(dutyMet("acknowledge", { ...fcba, status: "provisional_credit" })).toBe(true);
    // Acknowledged: next is the resolution; 90 days: 2026-04-10, late from the 11th.
    const acknowledged = { ...fcba, acknowledgedOn: "2026-01-30" };
    expect(disputeNext(bankDutyStates(acknowledged, "2026-03-01"))).toMatchObject({
      kind: "due",
      duty: "resolve",
    });
    expect(bankDutyStates(acknowledged, "2026-04-10")[1]!.late).toBe(false);
    expect(bankDutyStates(acknowledged, "2026-04-11")[1]!.late).toBe(true);
    // A Reg E dispute owes no acknowledgement.
    expect(bankDutyStates(regE, "2026-12-01").map((d) => d.duty)).not.toContain("acknowledge");
  });
});

describe("after a denial", () => {
  const deadlines = [
    { rule: "fcba" as const, on: "2026-03-01" },
    { rule: "network" as const, on: "2026-05-01" },
  ];

  it("suggests the network's chargeback while its window is open, and the CFPB", () => {
    expect(nextStepsAfter("denied", deadlines, "2026-05-01")).toEqual([
      { kind: "network_chargeback", until: "2026-05-01" },
      { kind: "cfpb_complaint" },
    ]);
  });

  it("leaves the chargeback out once its window has passed, or for a bank account", () => {
    expect(nextStepsAfter("denied", deadlines, "2026-05-02")).toEqual([{ kind: "cfpb_complaint" }]);
    expect(nextStepsAfter("denied", [deadlines[0]!], "2026-02-01")).toEqual([
      { kind: "cfpb_complaint" },
    ]);
  });

  it("suggests nothing for a dispute that was not denied", () => {
    expect(nextStepsAfter("credited", deadlines, "2026-02-01")).toEqual([]);
  });
});

describe("a change to a dispute", () => {
  const filed = {
    status: "filed" as const,
    filedOn: "2026-11-02",
    acknowledgedOn: null,
    provisionalCreditOn: null,
    provisionalCreditAmount: null,
    resolvedOn: null,
  };
  const today = "2026-12-06";

  it("fills a provisional credit's day and amount, and an outcome's day, with today and the charge", () => {
    expect(disputeChange(filed, { status: "provisional_credit" }, 2500, today)).toEqual({
      next: {
        status: "provisional_credit",
        acknowledgedOn: null,
        provisionalCreditOn: today,
        provisionalCreditAmount: 2500,
        resolvedOn: null,
      },
    });
    expect(disputeChange(filed, { status: "withdrawn", resolvedOn: null }, 2500, today)).toEqual({
      next: { ...filed, status: "withdrawn", resolvedOn: today, filedOn: undefined },
    });
  });

  it("records the bank's acknowledgement on its day, not after today nor before the filing", () => {
    expect(disputeChange(filed, { acknowledgedOn: "2026-11-20" }, 2500, today)).toEqual({
      next: { ...filed, acknowledgedOn: "2026-11-20", filedOn: undefined },
    });
    expect(disputeChange(filed, { acknowledgedOn: "2026-12-07" }, 2500, today)).toEqual({
      problem: "in_future",
      field: "acknowledgedOn",
    });
    expect(disputeChange(filed, { acknowledgedOn: "2026-11-01" }, 2500, today)).toEqual({
      problem: "before_filed",
      field: "acknowledgedOn",
    });
    // Kept through later changes; null clears it.
    const acknowledged = { ...filed, acknowledgedOn: "2026-11-20" };
    expect(disputeChange(acknowledged, { status: "denied" }, 2500, today)).toMatchObject({
      next: { acknowledgedOn: "2026-11-20", status: "denied" },
    });
    expect(disputeChange(acknowledged, { acknowledgedOn: null }, 2500, today)).toMatchObject({
      next: { acknowledgedOn: null },
    });
  });

  it("refuses a day after today or before the filing, a credit over the charge, and a resolution while open", () => {
    expect(disputeChange(filed, { provisionalCreditOn: "2026-12-07" }, 2500, today)).toEqual({
      problem: "in_future",
      field: "provisionalCreditOn",
    });
    expect(
      disputeChange(filed, { status: "denied", resolvedOn: "2026-11-01" }, 2500, today),
    ).toEqual({ problem: "before_filed", field: "resolvedOn" });
    expect(
      disputeChange(
        filed,
        { status: "provisional_credit", provisionalCreditAmount: 2501 },
        2500,
        today,
      ),
    ).toEqual({ problem: "over_charge", field: "provisionalCreditAmount" });
    expect(disputeChange(filed, { resolvedOn: "2026-12-01" }, 2500, today)).toEqual({
      problem: "resolved_open",
      field: "resolvedOn",
    });
    expect(disputeChange({ ...filed, status: "denied" }, { status: "filed" }, 2500, today)).toEqual(
      {
        problem: "move",
        field: "status",
      },
    );
  });
});

describe("a dispute's steps in the case's history", () => {
  it("lists the filing, the acknowledgement, the provisional credit and the outcome, in that order", () => {
    expect(
      disputeSteps({
        status: "credited",
        filedOn: "2026-11-02",
        acknowledgedOn: "2026-11-05",
        provisionalCreditOn: "2026-11-10",
        resolvedOn: "2026-12-01",
      }),
    ).toEqual([
      { step: "filed", on: "2026-11-02" },
      { step: "acknowledged", on: "2026-11-05" },
      { step: "provisional_credit", on: "2026-11-10" },
      { step: "credited", on: "2026-12-01" },
    ]);
    expect(
      disputeSteps({
        status: "filed",
        filedOn: "2026-11-02",
        acknowledgedOn: null,
        provisionalCreditOn: null,
        resolvedOn: null,
      }),
    ).toEqual([{ step: "filed", on: "2026-11-02" }]);
  });
});
