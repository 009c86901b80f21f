import { describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import { feedCalendar } from "@/lib/documents/calendar";

// Issue 36, point 4: every event of the calendar feed alarms at 09:00 the
// day before and at 09:00 on the day, read back with a parser.

const t = (key: string, values?: Record<string, string>) =>
  [key, ...Object.values(values ?? {})].join(" ");

describe("the calendar feed's alarms", () => {
  it("each event has two display alarms: 15 h before its all-day start and 9 h after", () => {
    const text = feedCalendar(
      {
        followUps: [
          { caseId: "c1", date: "2027-03-01", provider: "Visible", state: "request_submitted" },
        ],
        promised: [],
        renewals: [{ subscriptionId: "s1", date: "2027-02-28", provider: "Hulu" }],
        trials: [{ subscriptionId: "s2", date: "2028-02-29", provider: "Peacock" }],
        cancelBys: [
          { subscriptionId: "s1", date: "2027-01-29", renewalOn: "2027-02-28", provider: "Hulu" },
        ],
        disputes: [
          {
            caseId: "c1",
            transactionId: "t1",
            rule: "network",
            date: "2027-04-02",
            provider: "Hulu",
          },
        ],
      },
      { t, baseUrl: "https://cancel.example", timeZone: "Asia/Shanghai", name: "" },
    );
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (c): c is VEvent => c?.type === "VEVENT",
    );
    expect(events).toHaveLength(5);
    for (const event of events) {
      const alarms = (event as VEvent & { alarms?: Record<string, unknown>[] }).alarms ?? [];
      // A trigger with parameters parses as {params, val}: RELATED must be START (the default).
      const trigger = (a: Record<string, unknown>) => {
        const value = a.trigger as string | { params: { RELATED?: string }; val: string };
        return typeof value === "string"
          ? value
          : `${value.params.RELATED ?? "START"} ${value.val}`;
      };
      expect(alarms.map((a) => [a.action, trigger(a), a.description])).toEqual([
        ["DISPLAY", "-PT15H", event.summary],
        ["DISPLAY", "START PT9H", event.summary],
      ]);
    }
  });
});
