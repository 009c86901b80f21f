import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  categoryOf,
  fromCancelCase,
  fromWallos,
  parsePrice,
  sourceFormat,
  suggestedCurrency,
  wallosCycle,
  wallosQuestions,
} from "@/lib/domain/subscription-import";

const wallos = JSON.parse(
  fs.readFileSync("tests/fixtures/subscriptions/wallos-export.json", "utf8"),
) as Record<string, unknown>[];

describe("subscriptions from another tracker", () => {
  it("reads Wallos's prices: its currency symbols, or a code", () => {
    expect(parsePrice("€17.99")).toEqual({ currency: "EUR", amount: 1799 });
    expect(parsePrice("HK$88")).toEqual({ currency: "HKD", amount: 8800 });
    expect(parsePrice("R$29.90")).toEqual({ currency: "BRL", amount: 2990 });
    expect(parsePrice("R99")).toEqual({ currency: "ZAR", amount: 9900 });
    expect(parsePrice("12.50 EUR")).toEqual({ currency: "EUR", amount: 1250 });
    expect(parsePrice("₩10900")).toEqual({ currency: "KRW", amount: 10900 });
    expect(parsePrice("лв20")).toEqual({ currency: "BGN", amount: 2000 });
    expect(parsePrice("free")).toBeNull();
    expect(parsePrice("$-3")).toBeNull();
  });

  it("never guesses a symbol several currencies share: $, ¥ and kr wait for the user's word", () => {
    expect(parsePrice("$30")).toEqual({ ambiguous: "$", number: "30" });
    expect(parsePrice("¥2400")).toEqual({ ambiguous: "¥", number: "2400" });
    expect(parsePrice("kr99")).toEqual({ ambiguous: "kr", number: "99" });
    expect(parsePrice("kr 450")).toEqual({ ambiguous: "kr", number: "450" });
    expect(parsePrice("99 kr")).toEqual({ ambiguous: "kr", number: "99" });
    // Once chosen, each is read in its own currency's minor units (yen and krónur have none).
    expect(parsePrice("$30", { $: "CAD" })).toEqual({ currency: "CAD", amount: 3000 });
    expect(parsePrice("¥2400", { "¥": "JPY" })).toEqual({ currency: "JPY", amount: 2400 });
    expect(parsePrice("¥68", { "¥": "CNY" })).toEqual({ currency: "CNY", amount: 6800 });
    expect(parsePrice("kr99", { kr: "ISK" })).toEqual({ currency: "ISK", amount: 99 });
    expect(parsePrice("¥25.5", { "¥": "JPY" })).toBeNull();
  });

  it("offers the user's usual currency first, when the symbol can mean it", () => {
    expect(suggestedCurrency("$", "CAD")).toBe("CAD");
    expect(suggestedCurrency("¥", "CNY")).toBe("CNY");
    expect(suggestedCurrency("kr", "USD")).toBeNull();
    expect(suggestedCurrency("$", null)).toBeNull();
  });

  it("reads Wallos's cycles, and has no word for every 2 weeks, 6 months or 10 days", () => {
    expect(wallosCycle("Monthly")).toBe("monthly");
    expect(wallosCycle("Weekly")).toBe("weekly");
    expect(wallosCycle("Yearly")).toBe("yearly");
    expect(wallosCycle("Every 3 Months")).toBe("quarterly");
    expect(wallosCycle("Every 12 Months")).toBe("yearly");
    expect(wallosCycle("Every 7 Days")).toBe("weekly");
    for (const label of [
      "Daily",
      "Every 2 Weeks",
      "Every 6 Months",
      "Every 10 Days",
      "Every 2 Years",
    ])
      expect(wallosCycle(label), label).toBeNull();
  });

  it("knows the file by its columns", () => {
    expect(sourceFormat(Object.keys(wallos[0]!))).toBe("wallos");
    expect(sourceFormat(["provider", "amount", "currency"])).toBe("cancelcase");
    expect(sourceFormat(["Date", "Description", "Amount"])).toBeNull();
  });

  it("turns a real-shaped Wallos export into subscriptions, and says why a row is left out", () => {
    const choices = { currencies: { $: "USD", "¥": "CNY" }, cycles: {} };
    const results = wallos.map((row) => {
      const r = fromWallos(row, choices);
      return r.ok
        ? [
            r.subscription.provider,
            r.subscription.billingCycle,
            r.subscription.amount,
            r.subscription.currency,
            r.subscription.category,
          ]
        : [row["Name"], r.reason];
    });
    expect(results).toEqual([
      ["Mint Mobile", "monthly", 3000, "USD", "mobile"],
      ["Netflix", "monthly", 1549, "USD", "streaming"],
      ["Xfinity Internet", "monthly", 8999, "USD", "internet"],
      ["iCloud+", "yearly", 6800, "CNY", "software"],
      ["Planet Fitness", "quarterly", 7497, "USD", "fitness"],
      ["Spotify Family", "monthly", 1799, "EUR", "streaming"],
      ["Daily Crossword", "cycle_unsupported"],
      ["Old Hulu", "inactive"],
      ["Lawn care", "cycle_unsupported"],
      ["Storage unit", "currency_ambiguous"],
    ]);
    const mint = fromWallos(wallos[0]!, choices);
    expect(mint).toMatchObject({
      ok: true,
      subscription: {
        nextRenewalOn: "2026-12-15",
        paymentMethod: "Visa ••4242",
        autoRenew: true,
        cancelUrl: "https://www.mintmobile.com",
        notes: "Unlimited 5G plan\nPaid by: Mei",
      },
    });
    expect(fromWallos(wallos[4]!, choices)).toMatchObject({
      ok: true,
      subscription: { autoRenew: false },
    });
    expect(fromWallos({ ...wallos[0]!, "Next Payment": "2026-13-40" }, choices)).toEqual({
      ok: false,
      reason: "date_invalid",
    });
    expect(fromWallos({ ...wallos[0]!, Name: "  " })).toEqual({
      ok: false,
      reason: "name_missing",
    });
  });

  it("reads an export made by Wallos's own export code, asking what it cannot know", () => {
    // tests/fixtures/README.md: written by Wallos's endpoints/subscriptions/export.php and the
    // JSON and CSV steps of its scripts/profile.js, over Wallos's default currencies and cycles.
    const real = JSON.parse(
      fs.readFileSync("tests/fixtures/subscriptions/wallos-5-export.json", "utf8"),
    ) as Record<string, unknown>[];
    const read = (choices?: Parameters<typeof fromWallos>[1]) =>
      real.map((row) => {
        const r = fromWallos(row, choices);
        return r.ok
          ? [
              row["Name"],
              r.subscription.amount,
              r.subscription.currency,
              r.subscription.billingCycle,
            ]
          : [row["Name"], r.reason];
      });
    expect(read()).toEqual([
      ["Netflix", "currency_ambiguous"],
      ["Crave", "currency_ambiguous"],
      ["Stan", "currency_ambiguous"],
      ["Nintendo Switch Online", "currency_ambiguous"],
      ["iQIYI VIP", "currency_ambiguous"],
      ["Spotify", "currency_ambiguous"],
      ["Gym  24/7", "cycle_unsupported"],
      ["The Times", "cycle_unsupported"],
      ["Car insurance", "cycle_unsupported"],
      ["Mint Mobile", "currency_ambiguous"],
      ["Showmax", 9900, "ZAR", "monthly"],
      ["iCloud+", "currency_ambiguous"],
      ["Hulu", "inactive"],
      ["Domain renewal", "cycle_unsupported"],
      ["Veggie box", "cycle_unsupported"],
    ]);
    // One currency per symbol for the whole file: a file that mixes $ currencies asks per row in no tracker.
    const answered = read({
      currencies: { $: "CAD", "¥": "JPY", kr: "SEK" },
      cycles: { "Every 2 Weeks": "weekly", "Every 6 Months": "quarterly" },
    });
    expect(answered).toContainEqual(["Crave", 1999, "CAD", "monthly"]);
    expect(answered).toContainEqual(["Nintendo Switch Online", 2400, "JPY", "yearly"]);
    expect(answered).toContainEqual(["Spotify", 9900, "SEK", "monthly"]);
    expect(answered).toContainEqual(["Gym  24/7", 1999, "EUR", "weekly"]);
    expect(answered).toContainEqual(["Mint Mobile", 4500, "CAD", "quarterly"]);
    expect(answered).toContainEqual(["The Times", "cycle_unsupported"]);
    const gym = fromWallos(real[6]!, { currencies: {}, cycles: { "Every 2 Weeks": "weekly" } });
    expect(gym).toMatchObject({
      ok: true,
      subscription: {
        notes: "billed every other Friday\nPaid by: Mei\nBilled in Wallos: Every 2 Weeks",
      },
    });
    expect(wallosQuestions(real[3]!)).toEqual({ symbol: "¥", cycle: null });
    expect(wallosQuestions(real[6]!)).toEqual({ symbol: null, cycle: "Every 2 Weeks" });
  });

  it("reads CancelCase's own CSV columns, amounts in major units", () => {
    expect(
      fromCancelCase({
        provider: "Visible",
        amount: "25",
        currency: "usd",
        billingCycle: "monthly",
      }),
    ).toMatchObject({
      ok: true,
      subscription: { amount: 2500, currency: "USD", category: "mobile" },
    });
    expect(fromCancelCase({ provider: "Hulu", amount: "x" })).toEqual({
      ok: false,
      reason: "price_unreadable",
    });
    expect(categoryOf("Crunchyroll", "streaming")).toBe("streaming");
  });
});
