import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { listSubscriptions } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { importSubscriptionFile } from "@/lib/http/subscription-import";

// A Wallos export in one step, below HTTP: the route's own code on a real multipart request.

function upload(file: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const bytes = fs.readFileSync(`tests/fixtures/subscriptions/${file}`);
  form.append("file", new File([bytes], file));
  return new Request("http://localhost/api/v1/subscriptions/import", {
    method: "POST",
    body: form,
  });
}

const newUser = () =>
  registerUser({
    email: `w${Math.random().toString(36).slice(2)}@example.com`,
    password: "moving from wallos",
  });

afterEach(() => {
  delete process.env.SUBSCRIPTIONS_PER_USER_MAX;
});

describe("importing subscriptions", () => {
  it("a dry run writes nothing; the import keeps the good rows and lists the rest; again, nothing is added", async () => {
    const user = await newUser();
    const dry = await importSubscriptionFile(
      user,
      upload("wallos-export.json", { dryRun: "true" }),
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

    const done = await importSubscriptionFile(user, upload("wallos-export.json"));
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
    const again = await importSubscriptionFile(user, upload("wallos-export.csv"));
    expect(again.imported).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === "already_kept")).toHaveLength(6);
    expect(again.skipped[0]).toMatchObject({ row: 2, name: "Mint Mobile" });
  });

  it("refuses what it cannot read, and an import past the limit, before writing", async () => {
    const user = await newUser();
    await expect(
      importSubscriptionFile(user, upload("../statements/chase.csv")),
    ).rejects.toMatchObject({
      fields: { file: ["subscriptions_file_unknown"] },
    });
    process.env.SUBSCRIPTIONS_PER_USER_MAX = "3";
    await expect(importSubscriptionFile(user, upload("wallos-export.json"))).rejects.toMatchObject({
      code: "limit_reached",
    });
    expect((await listSubscriptions(user, { limit: 50 })).items).toEqual([]);
  });
});
