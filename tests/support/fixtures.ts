import { randomUUID } from "node:crypto";
import type { RegisterInput } from "@/lib/validation/auth";
import type { CreateSubscriptionInput } from "@/lib/validation/subscriptions";

// What the data-layer tests set up again and again: a fresh account each
// (tests share one database file, so addresses must not collide) and a plain
// monthly mobile plan to hang cases on. The data layer is imported when an
// account is made, not with this file: a test may first put its own database
// client in place (tests/data/query-plans.test.ts).

export async function newUser(input: Partial<RegisterInput> = {}) {
  const { registerUser } = await import("@/lib/data/users");
  return registerUser({
    email: `${randomUUID()}@example.com`,
    password: "a test account's passphrase",
    ...input,
  });
}

export const MOBILE_PLAN = {
  provider: "Visible",
  category: "mobile",
  amount: 2500,
  currency: "USD",
  billingCycle: "monthly",
} as const;

/** The plan the statement tests are charged for: its lines read "MINT MOBILE …". */
export const MINT_MOBILE = {
  provider: "Mint Mobile",
  category: "mobile",
  amount: 3000,
  currency: "USD",
  billingCycle: "monthly",
} as const;

/** A subscription on `plan` and a case opened on it, for its cost. */
export async function newCase(user: { id: string }, plan: CreateSubscriptionInput = MOBILE_PLAN) {
  const { createSubscription } = await import("@/lib/data/subscriptions");
  const { openCase } = await import("@/lib/data/cases");
  const sub = await createSubscription(user, plan);
  const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  return { sub, kase };
}
