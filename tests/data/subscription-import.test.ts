import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { listSubscriptions } from "@/lib/data/subscriptions";
import { importSubscriptions } from "@/lib/services/import-subscriptions";
import { newUser } from "../support/fixtures";
import { multipart } from "../support/uploads";

// A Wallos export in one step, below HTTP: the route's own code on a real multipart request.

const upload = (file: string, fields: Record<string, string> = {}) =>
  multipart(
    new File([fs.readFileSync(`tests/fixtures/subscriptions/${file}`)], file),
    fields,
    "http://localhost/api/v1/subscriptions/import",
  );

const dollarsAndYuan = { currencies: JSON.stringify({ $: "USD", "¥": "CNY" }) };

afterEach(() => {
  delete process.env.SUBSCRIPTIONS_PER_USER_MAX;
});

describe("importing subscriptions", () => {
  it("a dry run writes nothing; the import keeps the good rows and lists the rest; again, nothing is added", async () => {
    const user = await newUser();
    const dry = await importSubscriptions(
      user,
      upload("wallos-export.json", { dryRun: "true", ...dollarsAndYuan }),
    );
    expect(dry).toMatchObject({ format: "wallos", dryRun: true, rows: 10 });
    expect(dry.imported.map((i) => i.provider)).toEqual([
      "Mint Mobile",
      "Netflix",
      "Xfinity Internet",
      "iCloud+",
      "Planet Fitness",
      "Spotify Family",
    ]);
    expect(dry.skipped.map((s) => [s.row, s.name, s.reason])).toEqual([
      [7, "Daily Crossword", "cycle_unsupported"],
      [8, "Old Hulu", "inactive"],
      [9, "Lawn care", "cycle_unsupported"],
      [10, "Storage unit", "currency_ambiguous"],
    ]);
    expect((await listSubscriptions(user, { limit: 50 })).items).toEqual([]);

    const done = await importSubscriptions(user, upload("wallos-export.json", dollarsAndYuan));
    expect(done.imported).toHaveLength(6);
    const kept = (await listSubscriptions(user, { limit: 50 })).items;
    expect(
      kept.map((s) => [s.provider, s.amount, s.currency, s.billingCycle, s.status]).sort(),
    ).toEqual(
      [
        ["Mint Mobile", 3000, "USD", "monthly", "active"],
        ["Netflix", 1549, "USD", "monthly", "active"],
        ["Planet Fitness", 7497, "USD", "quarterly", "active"],
        ["Spotify Family", 1799, "EUR", "monthly", "active"],
        ["Xfinity Internet", 8999, "USD", "monthly", "active"],
        ["iCloud+", 6800, "CNY", "yearly", "active"],
      ].sort(),
    );
    expect(kept.find((s) => s.provider === "Mint Mobile")).toMatchObject({
      category: "mobile",
      nextRenewalOn: "2026-12-15",
      cancelUrl: "https://www.mintmobile.com",
      merchantPatterns: ["MINT MOBILE", "MINTMOBILE"],
    });

    // The same export as CSV adds nothing: every good row is already kept.
    const again = await importSubscriptions(user, upload("wallos-export.csv", dollarsAndYuan));
    expect(again.imported).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === "already_kept")).toHaveLength(6);
    expect(again.skipped[0]).toMatchObject({ row: 2, name: "Mint Mobile" });
  });

  it("refuses what it cannot read, and an import past the limit, before writing", async () => {
    const user = await newUser();
    await expect(
      importSubscriptions(user, upload("../statements/chase.csv")),
    ).rejects.toMatchObject({
      fields: { file: ["subscriptions_file_unknown"] },
    });
    process.env.SUBSCRIPTIONS_PER_USER_MAX = "3";
    await expect(
      importSubscriptions(user, upload("wallos-export.json", dollarsAndYuan)),
    ).rejects.toMatchObject({
      code: "limit_reached",
    });
    expect((await listSubscriptions(user, { limit: 50 })).items).toEqual([]);
  });

  it("asks which currency a shared symbol means, offering the user's usual one, and which cycle to keep", async () => {
    const user = await newUser();
    await importSubscriptions(
      user,
      upload("wallos-export.json", { currencies: JSON.stringify({ $: "CAD", "¥": "CNY" }) }),
    );
    const dry = await importSubscriptions(user, upload("wallos-5-export.json", { dryRun: "true" }));
    // Nothing is guessed: every "$", "¥" and "kr" row waits for the user's answer.
    expect(dry.imported.map((i) => i.provider)).toEqual(["Showmax"]);
    expect(dry.currencyChoices).toEqual([
      {
        symbol: "$",
        rows: 6,
        candidates: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"],
        suggested: "CAD",
        chosen: null,
      },
      { symbol: "¥", rows: 2, candidates: ["JPY", "CNY"], suggested: null, chosen: null },
      {
        symbol: "kr",
        rows: 1,
        candidates: ["SEK", "NOK", "DKK", "ISK"],
        suggested: null,
        chosen: null,
      },
    ]);
    expect(dry.cycleChoices).toEqual([
      { cycle: "Every 2 Weeks", rows: 1, chosen: null },
      { cycle: "Daily", rows: 1, chosen: null },
      { cycle: "Every 6 Months", rows: 1, chosen: null },
      { cycle: "Every 2 Years", rows: 1, chosen: null },
      { cycle: "Every 10 Days", rows: 1, chosen: null },
    ]);

    const done = await importSubscriptions(
      user,
      upload("wallos-5-export.csv", {
        currencies: JSON.stringify({ $: "CAD", "¥": "JPY", kr: "SEK" }),
        cycles: JSON.stringify({ "Every 2 Weeks": "weekly" }),
      }),
    );
    expect(done.currencyChoices.map((c) => c.chosen)).toEqual(["CAD", "JPY", "SEK"]);
    expect(done.imported.map((i) => [i.provider, i.amount, i.currency, i.billingCycle])).toEqual([
      ["Crave", 1999, "CAD", "monthly"],
      ["Stan", 1700, "CAD", "monthly"],
      ["Nintendo Switch Online", 2400, "JPY", "yearly"],
      ["iQIYI VIP", 25, "JPY", "monthly"],
      ["Spotify", 9900, "SEK", "monthly"],
      ["Gym  24/7", 1999, "EUR", "weekly"],
      ["Mint Mobile", 4500, "CAD", "quarterly"],
      ["Showmax", 9900, "ZAR", "monthly"],
      ["iCloud+", 99, "CAD", "monthly"],
    ]);
    // Netflix at CAD 15.49 a month came in with the first file.
    expect(done.skipped.find((s) => s.name === "Netflix")?.reason).toBe("already_kept");
  });

  it("offers the currency of the user's language when they keep no subscription yet", async () => {
    const user = { ...(await newUser()), locale: "zh-CN" as const };
    const dry = await importSubscriptions(user, upload("wallos-5-export.json", { dryRun: "true" }));
    expect(dry.currencyChoices.map((c) => [c.symbol, c.suggested])).toEqual([
      ["$", null],
      ["¥", "CNY"],
      ["kr", null],
    ]);
  });

  it("refuses answers that are not a small JSON object of currency codes and cycles, writing nothing", async () => {
    const user = await newUser();
    for (const [fields, key, code] of [
      [{ currencies: "{not json" }, "currencies", "import_currencies_invalid"],
      [{ currencies: JSON.stringify({ $: "DOLLARS" }) }, "currencies", "import_currencies_invalid"],
      [
        { cycles: JSON.stringify({ "Every 2 Weeks": "fortnightly" }) },
        "cycles",
        "import_cycles_invalid",
      ],
      [{ cycles: JSON.stringify(["weekly"]) }, "cycles", "import_cycles_invalid"],
    ] as const) {
      await expect(
        importSubscriptions(user, upload("wallos-5-export.json", fields)),
      ).rejects.toMatchObject({ code: "validation_failed", fields: { [key]: [code] } });
    }
    expect((await listSubscriptions(user, { limit: 50 })).items).toEqual([]);
  });
});
