import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  categoryOf,
  fromCancelCase,
  fromWallos,
  parsePrice,
  sourceFormat,
} from "@/lib/domain/subscription-import";

const wallos = JSON.parse(
  fs.readFileSync("tests/fixtures/subscriptions/wallos-export.json", "utf8"),
) as Record<string, unknown>[];

describe("subscriptions from another tracker", () => {
  it("reads Wallos's prices: its currency symbols, or a code; 'kr' is not guessed", () => {
    expect(parsePrice("$30")).toEqual({ currency: "USD", amount: 3000 });
    expect(parsePrice("$15.49")).toEqual({ currency: "USD", amount: 1549 });
    expect(parsePrice("€17.99")).toEqual({ currency: "EUR", amount: 1799 });
    expect(parsePrice("¥68")).toEqual({ currency: "CNY", amount: 6800 });
    expect(parsePrice("HK$88")).toEqual({ currency: "HKD", amount: 8800 });
    expect(parsePrice("R$29.90")).toEqual({ currency: "BRL", amount: 2990 });
    expect(parsePrice("12.50 EUR")).toEqual({ currency: "EUR", amount: 1250 });
    expect(parsePrice("₩10900")).toEqual({ currency: "KRW", amount: 10900 });
    expect(parsePrice("kr 450")).toBe("ambiguous");
    expect(parsePrice("free")).toBeNull();
    expect(parsePrice("$-3")).toBeNull();
  });

  it("knows the file by its columns", () => {
    expect(sourceFormat(Object.keys(wallos[0]!))).toBe("wallos");
    expect(sourceFormat(["provider", "amount", "currency"])).toBe("cancelcase");
    expect(sourceFormat(["Date", "Description", "Amount"])).toBeNull();
  });

  it("turns a real-shaped Wallos export into subscriptions, and says why a row is left out", () => {
    const results = wallos.map((row) => {
      const r = fromWallos(row);
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
    const mint = fromWallos(wallos[0]!);
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
    expect(fromWallos(wallos[4]!)).toMatchObject({ ok: true, subscription: { autoRenew: false } });
    expect(fromWallos({ ...wallos[0]!, "Next Payment": "2026-13-40" })).toEqual({
      ok: false,
      reason: "date_invalid",
    });
    expect(fromWallos({ ...wallos[0]!, Name: "  " })).toEqual({
      ok: false,
      reason: "name_missing",
    });
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
