import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { tickPattern } from "@/lib/notifications/tick-pattern";

describe("the reminder scheduler's tick", () => {
  it("follows REMINDER_TICK_SECONDS: seconds, minutes, at most hourly", () => {
    expect(tickPattern(5)).toBe("*/5 * * * * *");
    expect(tickPattern(60)).toBe("0 * * * * *");
    expect(tickPattern(600)).toBe("0 */10 * * * *");
    expect(tickPattern(3600)).toBe("0 0 * * * *");
  });

  it("ticks ten minutes apart for 600 s (croner reads the pattern so)", () => {
    const cron = new Cron(tickPattern(600), { paused: true });
    const first = cron.nextRun(new Date("2026-12-01T10:01:30Z"))!;
    const second = cron.nextRun(first)!;
    expect(first.toISOString()).toBe("2026-12-01T10:10:00.000Z");
    expect(second.getTime() - first.getTime()).toBe(10 * 60 * 1000);
    cron.stop();
  });
});
