import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyCharges, covers, watchStatus } from "@/lib/domain/charges";
import {
  defaultPatterns,
  isUsablePattern,
  matchesPattern,
  normalizeDescription,
} from "@/lib/domain/merchant-patterns";
import { addDays } from "@/lib/domain/dates";

describe("merchant patterns", () => {
  it("match whole words of a card descriptor, whatever its punctuation and case", () => {
    expect(normalizeDescription("TMOBILE*AUTO PAY 800-937-8997 WA")).toBe(
      "TMOBILE AUTO PAY 800 937 8997 WA",
    );
    expect(matchesPattern("TMOBILE*AUTO PAY 800-937-8997 WA", "TMOBILE*AUTO PAY")).toBe(true);
    expect(matchesPattern("Mint Mobile  mintmobile.com CA", "MINT MOBILE")).toBe(true);
    expect(matchesPattern("MINTED LLC", "MINT")).toBe(false);
    expect(matchesPattern("ＭＩＮＴ ＭＯＢＩＬＥ", "mint mobile")).toBe(true);
    expect(matchesPattern("anything", "***")).toBe(false);
  });

  it("start from the provider's name, with and without its spaces", () => {
    expect(defaultPatterns("Mint Mobile")).toEqual(["MINT MOBILE", "MINTMOBILE"]);
    expect(defaultPatterns("Hulu")).toEqual(["HULU"]);
    expect(defaultPatterns("T-Mobile")).toEqual(["T MOBILE", "TMOBILE"]);
    expect(isUsablePattern("A")).toBe(false);
    expect(isUsablePattern("a.b")).toBe(false);
    expect(isUsablePattern("AT&T")).toBe(true);
  });
});

const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays("2026-09-01", n));
const charge = fc.record({
  id: fc.uuid(),
  postedOn: day,
  amount: fc.integer({ min: -5000, max: 10000 }),
});
/** A statement's charges, the day the provider confirmed, and the final bill expected, if any. */
const statementAfterConfirmation = [
  fc.array(charge),
  day,
  fc.option(fc.integer({ min: 1, max: 10000 })),
] as const;

describe("the flag rule (property tests)", () => {
  it("never flags a charge on or before the confirmation, nor a refund", () => {
    fc.assert(
      fc.property(...statementAfterConfirmation, (charges, confirmedOn, expected) => {
        for (const c of classifyCharges(charges, { confirmedOn, expectedFinalBill: expected })) {
          if (c.postedOn <= confirmedOn || c.amount <= 0) expect(c.kind).not.toBe("after");
        }
      }),
    );
  });

  it("flags every charge after the confirmation but one expected final bill", () => {
    fc.assert(
      fc.property(...statementAfterConfirmation, (charges, confirmedOn, expected) => {
        const classified = classifyCharges(charges, { confirmedOn, expectedFinalBill: expected });
        const later = classified.filter((c) => c.postedOn > confirmedOn && c.amount > 0);
        const finals = classified.filter((c) => c.kind === "final_bill");
        expect(finals.length).toBeLessThanOrEqual(1);
        if (expected === null) expect(finals).toEqual([]);
        expect(classified.filter((c) => c.kind === "after")).toHaveLength(
          later.length - finals.length,
        );
        // The final bill is the first later charge of exactly that amount.
        const first = later.find((c) => c.amount === expected);
        expect(finals[0]?.id).toBe(first?.id);
      }),
    );
  });

  it("flags nothing while the case is not confirmed", () => {
    fc.assert(
      fc.property(fc.array(charge), (charges) =>
        classifyCharges(charges, { confirmedOn: null, expectedFinalBill: null }).every(
          (c) => c.kind === "before" || c.kind === "refund",
        ),
      ),
    );
  });

  it("a concrete case: the final bill passes, the next month's charge is flagged", () => {
    const kinds = classifyCharges(
      [
        { id: "a", postedOn: "2026-10-15", amount: 3000 },
        { id: "b", postedOn: "2026-11-03", amount: 1250 },
        { id: "c", postedOn: "2026-11-15", amount: 3000 },
        { id: "d", postedOn: "2026-11-20", amount: -3000 },
      ],
      { confirmedOn: "2026-11-01", expectedFinalBill: 1250 },
    ).map((c) => `${c.id}:${c.kind}`);
    expect(kinds).toEqual(["a:before", "b:final_bill", "c:after", "d:refund"]);
  });
});

describe("deadlines and the loop closing", () => {
  it("a cancellation is verified once statements cover a whole cycle after it", () => {
    const confirmedOn = "2026-11-10";
    const status = (periods: { start: string; end: string }[], flagged = 0) =>
      watchStatus({ confirmedOn, billingCycle: "monthly", periods, flagged });
    expect(status([])).toBe("watching");
    expect(status([{ start: "2026-10-05", end: "2026-11-04" }])).toBe("watching");
    expect(
      status([
        { start: "2026-10-05", end: "2026-11-04" },
        { start: "2026-11-05", end: "2026-12-04" },
      ]),
    ).toBe("watching");
    expect(
      status([
        { start: "2026-11-05", end: "2026-12-04" },
        { start: "2026-12-05", end: "2027-01-04" },
      ]),
    ).toBe("verified");
    expect(status([{ start: "2026-11-01", end: "2026-12-31" }], 1)).toBe("charged");
    expect(
      covers(
        [
          { start: "2026-11-01", end: "2026-11-20" },
          { start: "2026-11-25", end: "2026-12-31" },
        ],
        confirmedOn,
        "2026-12-10",
      ),
    ).toBe(false);
  });
});

describe("the matcher for many lines", () => {
  it("finds what matchSubscription finds (property)", async () => {
    const { subscriptionMatcher } = await import("@/lib/domain/charges");
    const { matchSubscription } = await import("@/lib/domain/merchant-patterns");
    const word = fc.constantFrom(
      "MINT",
      "MOBILE",
      "T",
      "HULU",
      "LIVE",
      "TV",
      "AUTO",
      "PAY",
      "COM",
      "X1",
    );
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
    const subs = fc.array(
      fc.record({ id: fc.uuid(), patterns: fc.array(phrase, { maxLength: 3 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(subs, fc.array(word, { maxLength: 8 }), (subscriptions, words) => {
        const description = words.join("*");
        const fast = subscriptionMatcher(subscriptions)(description);
        const slow = matchSubscription(description, subscriptions);
        // Ties between equally long patterns may pick either subscription; both must match.
        if (fast === slow) return true;
        const length = (id: string | null) =>
          Math.max(
            -1,
            ...(subscriptions.find((s) => s.id === id)?.patterns ?? [])
              .filter((p) => matchesPattern(description, p))
              .map((p) => normalizeDescription(p).length),
          );
        return fast !== null && slow !== null && length(fast) === length(slow);
      }),
    );
  });
});

describe("the matcher's work per line", () => {
  // Counts the string and map operations one match makes (synchronous, so
  // nothing else runs while the spies count): a step counter, not a timer.
  async function stepsFor(
    subscriptionCount: number,
  ): Promise<{ steps: number; id: string | null }> {
    const { vi } = await import("vitest");
    const { subscriptionMatcher } = await import("@/lib/domain/charges");
    const subscriptions = Array.from({ length: subscriptionCount }, (_, i) => ({
      id: `s${i}`,
      patterns: [`APPLE SERVICE ${i}`, `APPLESERVICE${i}`],
    }));
    subscriptions.push({ id: "music", patterns: ["APPLE MUSIC"] });
    const match = subscriptionMatcher(subscriptions);
    const includes = vi.spyOn(String.prototype, "includes");
    const get = vi.spyOn(Map.prototype, "get");
    try {
      const id = match("APPLE.COM/BILL APPLE MUSIC 866-712-7753 CA");
      return { steps: includes.mock.calls.length + get.mock.calls.length, id };
    } finally {
      includes.mockRestore();
      get.mockRestore();
    }
  }

  it("does not grow with the number of subscriptions sharing the line's first word", async () => {
    const few = await stepsFor(10);
    const many = await stepsFor(5_000);
    expect(few.id).toBe("music");
    expect(many.id).toBe("music");
    expect(many.steps).toBeLessThanOrEqual(few.steps);
  });
});
