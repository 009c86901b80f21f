import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMajorAmount, parseMajorAmount } from "@/lib/domain/money";
import { withScheme } from "@/lib/validation/subscriptions";

describe("a price as people type it", () => {
  it("takes symbols, codes, spaces and thousands separators", () => {
    for (const [typed, minor] of [
      ["30", 3000],
      ["$30", 3000],
      ["US$ 30", 3000],
      ["30 USD", 3000],
      ["$ 1,234.50", 123450],
      ["1,234", 123400],
      ["1,234,567.8", 123456780],
      ["12,99", 1299],
      ["0.5", 50],
    ] as const) {
      expect(parseMajorAmount(typed, "USD"), typed).toBe(minor);
    }
    expect(parseMajorAmount("¥3,000", "JPY")).toBe(3000);
  });

  it("refuses what is not a price", () => {
    for (const typed of ["", "abc", "-30", "$", "1.234.5", "12,3456", "30.999", "1e3", "$$30"]) {
      expect(parseMajorAmount(typed, "USD"), typed).toBeNull();
    }
    expect(parseMajorAmount("30.5", "JPY")).toBeNull();
  });

  it("reads back every amount it shows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        expect(parseMajorAmount(formatMajorAmount(minor, "USD"), "USD")).toBe(minor);
        expect(parseMajorAmount(`$${formatMajorAmount(minor, "USD")}`, "USD")).toBe(minor);
      }),
    );
  });
});

describe("a cancel URL as people paste it", () => {
  it("gets https:// when it has no scheme, and keeps one it has", () => {
    expect(withScheme("mintmobile.com/account")).toBe("https://mintmobile.com/account");
    expect(withScheme("//www.t-mobile.com")).toBe("https://www.t-mobile.com");
    expect(withScheme("http://example.com")).toBe("http://example.com");
    expect(withScheme("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(withScheme("")).toBe("");
  });
});

describe("a search hit's snippet", () => {
  it("shows the text around the match, cut with an ellipsis", async () => {
    const { snippetAround } = await import("@/lib/domain/search");
    expect(snippetAround("short text", "text")).toBe("short text");
    const long = `${"a".repeat(200)} REF-88231 ${"b".repeat(200)}`;
    const snippet = snippetAround(long, "ref-88231", 60);
    expect(snippet).toContain("REF-88231");
    expect(snippet.startsWith("…") && snippet.endsWith("…")).toBe(true);
    expect([...snippet].length).toBeLessThanOrEqual(62);
    expect(snippetAround("客服".repeat(100), "不在", 10)).toBe(`${"客服".repeat(5)}…`);
  });
});
