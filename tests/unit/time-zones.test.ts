import { describe, expect, it } from "vitest";
import {
  timeZoneChoices,
  timeZoneLabel,
  timeZoneOption,
  timeZoneOptions,
} from "@/lib/domain/time-zones";

const winter = new Date("2026-12-01T12:00:00Z");

describe("time zones a person picks from", () => {
  it("are named in the person's language, with the city and the offset", () => {
    expect(timeZoneOption("America/Los_Angeles", "en", winter).label).toBe(
      "Pacific Time (Los Angeles) · GMT-08:00",
    );
    expect(timeZoneOption("America/Los_Angeles", "zh-CN", winter).label).toBe(
      "北美太平洋时间（Los Angeles） · GMT-08:00",
    );
    expect(timeZoneOption("Asia/Shanghai", "zh-CN", winter).label).toBe(
      "中国标准时间（Shanghai） · GMT+08:00",
    );
    expect(timeZoneOption("UTC", "en", winter).label).toBe("UTC · GMT+00:00");
  });

  it("list the US and China zones first, then the rest by offset", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const { common, other } = timeZoneOptions("en", zones, winter);
    expect(common.map((o) => o.value)).toEqual([
      "America/New_York",
      "America/Chicago",
      "America/Denver",
      "America/Phoenix",
      "America/Los_Angeles",
      "America/Anchorage",
      "Pacific/Honolulu",
      "Asia/Shanghai",
      "Asia/Hong_Kong",
      "Asia/Taipei",
    ]);
    expect(common.length + other.length).toBe(zones.length);
    for (let i = 1; i < other.length; i++) {
      expect(other[i]!.offsetMinutes).toBeGreaterThanOrEqual(other[i - 1]!.offsetMinutes);
    }
    expect(other.some((o) => o.value === "America/Los_Angeles")).toBe(false);
  });

  it("offer the person's own zone even when the runtime does not list it", () => {
    const listed = timeZoneChoices("en", "America/Chicago", winter);
    expect(
      [...listed.common, ...listed.other].filter((o) => o.value === "America/Chicago"),
    ).toHaveLength(1);
    expect(timeZoneLabel(listed, "America/Chicago")).toBe("Central Time (Chicago) · GMT-06:00");

    // An older name for a zone, valid for Intl but not among its listed zones.
    const old = timeZoneChoices("en", "US/Pacific", winter);
    expect(old.other.map((o) => o.value)).toContain("US/Pacific");
    expect(timeZoneLabel(old, "US/Pacific")).toMatch(/^Pacific Time \(Pacific\) · GMT-08:00$/);
    expect(timeZoneLabel(old, "Mars/Olympus")).toBe("Mars/Olympus");
  });
});
