import { describe, expect, it } from "vitest";
import { CASE_STATES } from "@/lib/domain/case-workflow";
import { canTick, checkDayAllowed } from "@/lib/domain/checklist";

describe("the after-confirmation checklist", () => {
  it("is ticked on a confirmed case only", () => {
    expect(CASE_STATES.filter(canTick)).toEqual(["confirmation_received"]);
  });

  it("takes today or a past day, never a future one", () => {
    expect(checkDayAllowed("2026-12-06", "2026-12-06")).toBe(true);
    expect(checkDayAllowed("2026-11-30", "2026-12-06")).toBe(true);
    expect(checkDayAllowed("2026-12-07", "2026-12-06")).toBe(false);
  });
});
