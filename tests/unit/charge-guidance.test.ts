import { describe, expect, it } from "vitest";
import { reopenedGuidance } from "@/lib/domain/charge-guidance";

describe("the guidance of a case reopened over a charge", () => {
  it("names the nearest deadline still open across the case's charges", () => {
    const charges = [
      {
        disputeDeadlines: [
          { rule: "reg_e" as const, on: "2027-01-10" },
          { rule: "network" as const, on: "2027-03-01" },
        ],
      },
      { disputeDeadlines: [{ rule: "fcba" as const, on: "2027-02-01" }] },
    ];
    expect(reopenedGuidance(charges, "2027-01-05")).toEqual({
      kind: "deadline",
      deadline: { rule: "reg_e", on: "2027-01-10" },
    });
    // The day itself still counts; the day after, the next one is named.
    expect(reopenedGuidance(charges, "2027-01-10").kind).toBe("deadline");
    expect(reopenedGuidance(charges, "2027-01-11")).toEqual({
      kind: "deadline",
      deadline: { rule: "fcba", on: "2027-02-01" },
    });
    expect(reopenedGuidance(charges, "2027-03-02")).toEqual({ kind: "passed" });
  });

  it("says there is no date yet when no charge has a deadline", () => {
    expect(reopenedGuidance([{ disputeDeadlines: [] }], "2027-01-05")).toEqual({ kind: "no_date" });
  });
});
