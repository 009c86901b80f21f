import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/domain/dates";
import { followUpStatus, promisedFollowUp } from "@/lib/domain/follow-ups";

describe("where a follow-up stands", () => {
  const today = "2026-12-01";
  const open = (nextFollowUpOn: string | null) => ({
    nextFollowUpOn,
    state: "under_review" as const,
  });

  it("is due today on its day, overdue after it, upcoming before it", () => {
    expect(followUpStatus(open("2026-12-01"), today)).toBe("due_today");
    expect(followUpStatus(open("2026-11-30"), today)).toBe("overdue");
    expect(followUpStatus(open("2026-12-02"), today)).toBe("upcoming");
    expect(followUpStatus(open(null), today)).toBeNull();
    expect(followUpStatus(open("2026-11-01"), today)).toBe("overdue");
  });

  it("is nothing on a confirmed or withdrawn case", () => {
    for (const state of ["confirmation_received", "withdrawn"] as const) {
      expect(followUpStatus({ nextFollowUpOn: "2026-11-01", state }, today)).toBeNull();
    }
    expect(followUpStatus({ nextFollowUpOn: "2026-11-01", state: "rejected" }, today)).toBe(
      "overdue",
    );
  });

  it("counts days on the user's calendar, not the server's", () => {
    // 03:00 UTC on Dec 2 is still Dec 1 in Los Angeles and already Dec 2 in Shanghai.
    const now = new Date("2026-12-02T03:00:00Z");
    const kase = open("2026-12-01");
    expect(followUpStatus(kase, todayIn("America/Los_Angeles", now))).toBe("due_today");
    expect(followUpStatus(kase, todayIn("Asia/Shanghai", now))).toBe("overdue");
  });
});

describe("a follow-up promised in a contact note", () => {
  const today = "2026-12-01";

  it("becomes the case's next follow-up when it is later than today", () => {
    expect(promisedFollowUp("2026-12-02", today)).toBe("2026-12-02");
    expect(promisedFollowUp("2027-01-15", today)).toBe("2027-01-15");
  });

  it("leaves the case's date alone when it is today, past, or not given", () => {
    expect(promisedFollowUp("2026-12-01", today)).toBeNull();
    expect(promisedFollowUp("2026-11-28", today)).toBeNull();
    expect(promisedFollowUp(null, today)).toBeNull();
    expect(promisedFollowUp(undefined, today)).toBeNull();
  });
});
