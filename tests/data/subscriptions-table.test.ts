import { describe, expect, it } from "vitest";
import { createSubscription, listSubscriptionTable } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { monthlyEquivalent } from "@/lib/domain/money";
import { SUBSCRIPTION_SORTS } from "@/lib/domain/subscriptions-sort";

const base = { category: "mobile" as const, currency: "USD", billingCycle: "monthly" as const };

describe("the subscriptions table, sorted and paged in SQL", () => {
  it("sorts case-insensitively, by price per month, with missing values last either way, and pages", async () => {
    const user = await registerUser({ email: "table@example.com", password: "a sorted table" });
    const other = await registerUser({
      email: "table-other@example.com",
      password: "not in my table",
    });
    await createSubscription(other, { ...base, provider: "AAA someone else's", amount: 1 });
    await createSubscription(user, {
      ...base,
      provider: "visible",
      amount: 2500,
      plan: "Basic",
      nextRenewalOn: "2026-12-01",
    });
    await createSubscription(user, {
      ...base,
      provider: "Mint Mobile",
      amount: 18000,
      billingCycle: "yearly",
    });
    await createSubscription(user, {
      ...base,
      provider: "Tello",
      amount: 500,
      billingCycle: "weekly",
      plan: "Unlimited",
    });
    await createSubscription(user, {
      ...base,
      provider: "adobe",
      amount: 6000,
      billingCycle: "quarterly",
      nextRenewalOn: "2026-11-30",
    });

    const names = async (sort: (typeof SUBSCRIPTION_SORTS)[number], dir: "asc" | "desc") =>
      (await listSubscriptionTable(user, { sort, dir, page: 1, pageSize: 50 })).items.map(
        (s) => s.provider,
      );

    expect(await names("provider", "asc")).toEqual(["adobe", "Mint Mobile", "Tello", "visible"]);
    expect(await names("provider", "desc")).toEqual(["visible", "Tello", "Mint Mobile", "adobe"]);
    // Per month: Mint 1500, Tello 2167, adobe 2000, visible 2500.
    expect(monthlyEquivalent(500, "weekly")).toBe(2167);
    expect(await names("price", "asc")).toEqual(["Mint Mobile", "adobe", "Tello", "visible"]);
    expect(await names("price", "desc")).toEqual(["visible", "Tello", "adobe", "Mint Mobile"]);
    expect(await names("renewal", "asc")).toEqual(["adobe", "visible", "Mint Mobile", "Tello"]);
    expect(await names("renewal", "desc")).toEqual(["visible", "adobe", "Mint Mobile", "Tello"]);
    expect(await names("plan", "desc")).toEqual(["Tello", "visible", "adobe", "Mint Mobile"]);

    const first = await listSubscriptionTable(user, {
      sort: "provider",
      dir: "asc",
      page: 1,
      pageSize: 3,
    });
    expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2 });
    expect(first.items.map((s) => s.provider)).toEqual(["adobe", "Mint Mobile", "Tello"]);
    const past = await listSubscriptionTable(user, {
      sort: "provider",
      dir: "asc",
      page: 99,
      pageSize: 3,
    });
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past.items.map((s) => s.provider)).toEqual(["visible"]);
    // Every sort returns each of the user's rows once, and none of anyone else's.
    for (const sort of SUBSCRIPTION_SORTS)
      expect((await names(sort, "asc")).sort()).toEqual([
        "Mint Mobile",
        "Tello",
        "adobe",
        "visible",
      ]);
  });

  it("has one empty page for a user with no subscriptions", async () => {
    const user = await registerUser({
      email: "table-empty@example.com",
      password: "an empty table",
    });
    expect(
      await listSubscriptionTable(user, { sort: "status", dir: "desc", page: 3, pageSize: 50 }),
    ).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });
});
