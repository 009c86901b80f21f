import { describe, expect, it } from "vitest";
import { trialCancelBy, trialsEnding } from "@/lib/domain/trials";

describe("a free trial's cancel-by day", () => {
  it("is the day before the trial ends, across months and leap days", () => {
    expect(trialCancelBy("2026-12-20")).toBe("2026-12-19");
    expect(trialCancelBy("2027-01-01")).toBe("2026-12-31");
    expect(trialCancelBy("2028-03-01")).toBe("2028-02-29");
  });

  it("lists trials to cancel soon, soonest first, without cancelled ones or far ones", () => {
    const today = "2026-12-06";
    const subs = [
      { id: "far", trialEndsOn: "2027-01-30", cancelled: false },
      { id: "late", trialEndsOn: "2026-12-20", cancelled: false },
      { id: "soon", trialEndsOn: "2026-12-08", cancelled: false },
      { id: "done", trialEndsOn: "2026-12-09", cancelled: true },
      { id: "none", trialEndsOn: null, cancelled: false },
      { id: "missed", trialEndsOn: "2026-12-06", cancelled: false },
      { id: "long-gone", trialEndsOn: "2026-12-01", cancelled: false },
    ];
    expect(trialsEnding(subs, today).map((s) => [s.id, s.cancelBy, s.daysLeft])).toEqual([
      ["missed", "2026-12-05", -1],
      ["soon", "2026-12-07", 1],
      ["late", "2026-12-19", 13],
    ]);
  });
});
