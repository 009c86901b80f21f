import { afterEach, describe, expect, it } from "vitest";
import { openCase } from "@/lib/data/cases";
import { addNote } from "@/lib/data/notes";
import { createSubscription } from "@/lib/data/subscriptions";
import { newUser } from "../support/fixtures";

const plan = {
  provider: "Mint Mobile",
  category: "mobile" as const,
  amount: 3000,
  currency: "USD",
  billingCycle: "monthly" as const,
};

const outcomes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code));

afterEach(() => {
  delete process.env.SUBSCRIPTIONS_PER_USER_MAX;
  delete process.env.CASES_PER_USER_MAX;
  delete process.env.NOTES_PER_CASE_MAX;
});

describe("per-user limits, counted before the work they limit", () => {
  it("subscriptions: 10 parallel creates against a limit of 3 store exactly 3", async () => {
    process.env.SUBSCRIPTIONS_PER_USER_MAX = "3";
    const user = await newUser();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createSubscription(user, { ...plan, provider: `P${i}` }),
      ),
    );
    expect(outcomes(results).filter((o) => o === "ok")).toHaveLength(3);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "limit_reached",
      status: 422,
      formMessage: { key: "errors.limit_reached_subscriptions" },
      details: { limit: 3 },
    });
    expect(refused.reason.message).toContain("3 subscriptions");
    // Another account has its own allowance.
    await createSubscription(await newUser(), plan);
  });

  it("cases: the limit counts every case of the account, open or closed", async () => {
    process.env.CASES_PER_USER_MAX = "2";
    const user = await newUser();
    const subs = await Promise.all(
      [1, 2, 3].map((i) => createSubscription(user, { ...plan, provider: `S${i}` })),
    );
    const results = await Promise.allSettled(
      subs.map((sub) => openCase(user, { subscriptionId: sub.id, reason: "cost" })),
    );
    expect(outcomes(results).sort()).toEqual(["limit_reached", "ok", "ok"]);
  });

  it("notes: 8 parallel notes against a limit of 5 per case store exactly 5", async () => {
    process.env.NOTES_PER_CASE_MAX = "5";
    const user = await newUser();
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    const note = { channel: "phone" as const, occurredAt: new Date(), summary: "called" };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => addNote(user, kase.id, note, "2026-12-01")),
    );
    expect(outcomes(results).filter((o) => o === "ok")).toHaveLength(5);
    expect(outcomes(results).filter((o) => o === "limit_reached")).toHaveLength(3);
  });
});
