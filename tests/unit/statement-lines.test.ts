import { describe, expect, it } from "vitest";
import { isFutureDated } from "@/lib/domain/statement-lines";
import { statementLinesQuerySchema } from "@/lib/validation/statement-lines";

describe("a statement line dated in the future", () => {
  // 03:00 UTC on Dec 6 is still Dec 5 in Los Angeles, and already Dec 6 in Shanghai.
  const now = new Date("2026-12-06T03:00:00Z");

  it("is later than the user's today in the user's zone, not the server's", () => {
    expect(isFutureDated("2026-12-06", "America/Los_Angeles", now)).toBe(true);
    expect(isFutureDated("2026-12-06", "UTC", now)).toBe(false);
    expect(isFutureDated("2026-12-06", "Asia/Shanghai", now)).toBe(false);
    expect(isFutureDated("2026-12-07", "Asia/Shanghai", now)).toBe(true);
  });

  it("is not a line posted today or earlier", () => {
    expect(isFutureDated("2026-12-05", "America/Los_Angeles", now)).toBe(false);
    expect(isFutureDated("2026-11-30", "UTC", now)).toBe(false);
  });

  it("compares whole dates across months and years", () => {
    const newYearsEve = new Date("2026-12-31T23:30:00Z");
    expect(isFutureDated("2027-01-01", "UTC", newYearsEve)).toBe(true);
    expect(isFutureDated("2027-01-01", "Asia/Tokyo", newYearsEve)).toBe(false);
    expect(isFutureDated("2026-12-31", "UTC", newYearsEve)).toBe(false);
  });
});

describe("the statement-lines page's URL", () => {
  const parse = (query: Record<string, unknown>) =>
    statementLinesQuerySchema.safeParse({ ...query, limit: 50 });

  it("reads a form's empty 'all' choices as no filter, and a repeated parameter once", () => {
    expect(parse({ account: "", subscriptionId: "", cursor: "" }).data).toEqual({
      limit: 50,
      flagged: false,
    });
    expect(parse({ account: ["Chase ••4242", "Amex"], flagged: "true" }).data).toEqual({
      limit: 50,
      account: "Chase ••4242",
      flagged: true,
    });
  });

  it("refuses what no form of the page sends", () => {
    expect(parse({ flagged: "yes" }).success).toBe(false);
    expect(parse({ account: "x".repeat(61) }).success).toBe(false);
  });
});
