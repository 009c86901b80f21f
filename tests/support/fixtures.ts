import { randomUUID } from "node:crypto";
import type { RegisterInput } from "@/lib/validation/auth";

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
