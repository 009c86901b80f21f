import { describe, expect, it } from "vitest";
import { formatDateOnly, isDateOnly, todayIn } from "@/lib/domain/dates";
import { instantToWallTime, wallTimeToInstant } from "@/lib/domain/wall-time";
import { formatMoney, isCurrencyCode, minorUnitDigits } from "@/lib/domain/money";

describe("money", () => {
  it("formats minor units with the currency's own number of digits", () => {
    expect(formatMoney(1299, "USD", "en")).toBe("$12.99");
    expect(formatMoney(1299, "USD", "zh-CN")).toBe("US$12.99");
    expect(formatMoney(4990, "CNY", "zh-CN")).toBe("¥49.90");
    expect(formatMoney(1200, "JPY", "en")).toBe("¥1,200");
    expect(formatMoney(1500, "KWD", "en")).toMatch(/1\.500/);
    expect(minorUnitDigits("JPY")).toBe(0);
  });

  it("knows real ISO-4217 codes from made-up ones", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("CNY")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(isCurrencyCode("US")).toBe(false);
  });
});

describe("dates", () => {
  it("shows a calendar date on the same day in every language", () => {
    expect(formatDateOnly("2026-12-01", "en")).toBe("Dec 1, 2026");
    expect(formatDateOnly("2026-12-01", "zh-CN")).toBe("2026年12月1日");
    expect(formatDateOnly("2026-01-01", "en")).toBe("Jan 1, 2026");
  });

  it("accepts only real YYYY-MM-DD dates", () => {
    expect(isDateOnly("2028-02-29")).toBe(true);
    expect(isDateOnly("2026-02-29")).toBe(false);
    expect(isDateOnly("2026-13-01")).toBe(false);
    expect(isDateOnly("2026-1-1")).toBe(false);
    expect(() => formatDateOnly("tomorrow", "en")).toThrow(RangeError);
  });

  it("knows what day it is where the user is", () => {
    const instant = new Date("2026-11-24T03:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-24");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-23");
    expect(todayIn("Asia/Shanghai", instant)).toBe("2026-11-24");
  });
});

describe("wall time in the user's time zone", () => {
  it("turns a datetime-local value into the right instant, across DST", () => {
    expect(wallTimeToInstant("2026-11-24T10:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-11-24T18:30:00.000Z",
    );
    expect(wallTimeToInstant("2026-07-01T10:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-07-01T17:30:00.000Z",
    );
    expect(wallTimeToInstant("2026-11-24T10:30", "Asia/Shanghai")?.toISOString()).toBe(
      "2026-11-24T02:30:00.000Z",
    );
  });

  it("keeps seconds, so a call logged just after a step is not dated before it", () => {
    expect(wallTimeToInstant("2026-11-24T10:30:42", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-11-24T18:30:42.000Z",
    );
    expect(instantToWallTime(new Date("2026-11-24T18:30:42.900Z"), "America/Los_Angeles")).toBe(
      "2026-11-24T10:30:42",
    );
    expect(wallTimeToInstant("2026-11-24T10:30:60", "UTC")).toBeNull();
  });

  it("refuses what is not a wall time", () => {
    for (const bad of [
      "2026-11-24",
      "2026-02-30T10:00",
      "2026-11-24T24:00",
      "yesterday",
      "2026-11-24T10:30Z",
    ]) {
      expect(wallTimeToInstant(bad, "UTC"), bad).toBeNull();
    }
  });

  it("round-trips with the value shown in the form", () => {
    const instant = new Date("2026-03-08T10:15:37Z");
    for (const zone of ["UTC", "America/New_York", "Asia/Shanghai", "Australia/Adelaide"]) {
      expect(wallTimeToInstant(instantToWallTime(instant, zone), zone)?.toISOString()).toBe(
        instant.toISOString(),
      );
    }
  });
});
