import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/components/ui/form-state";

// A list typed in one input ("7, 400") fails on one of its items
// ("remindDaysBefore.1"): the message must show under that input, once.

const t = (key: string) => `t:${key}`;

describe("fieldErrors", () => {
  it("gathers a field's own errors and its items', each once", () => {
    const state = {
      status: "error" as const,
      message: "errors.validation",
      fields: {
        remindDaysBefore: ["lead_times_repeated"],
        "remindDaysBefore.1": ["lead_times_invalid"],
        "remindDaysBefore.3": ["lead_times_invalid"],
        remindDaysBeforeX: ["other"],
        noticeDays: ["notice_days_invalid"],
      },
    };
    expect(fieldErrors(t, state, "remindDaysBefore")).toEqual([
      "t:errors.lead_times_repeated",
      "t:errors.lead_times_invalid",
    ]);
    expect(fieldErrors(t, state, "noticeDays")).toEqual(["t:errors.notice_days_invalid"]);
    expect(fieldErrors(t, state, "provider")).toBeUndefined();
    expect(fieldErrors(t, { status: "idle" }, "provider")).toBeUndefined();
  });
});
