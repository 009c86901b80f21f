import { describe, expect, it } from "vitest";
import { fromColumn, fromNullableColumn } from "@/lib/data/columns";
import { CASE_STATES } from "@/lib/domain/case-workflow";

describe("reading vocabulary columns back", () => {
  it("narrows a stored value to the domain's type and refuses anything outside it", () => {
    expect(fromColumn(CASE_STATES, "under_review")).toBe("under_review");
    expect(fromNullableColumn(CASE_STATES, null)).toBeNull();
    expect(() => fromColumn(CASE_STATES, "deleted")).toThrow(/outside its vocabulary/);
    expect(() => fromNullableColumn(CASE_STATES, "")).toThrow(/outside its vocabulary/);
  });
});
