import "server-only";
import { db } from "@/lib/db/client";
import { addDays } from "@/lib/domain/dates";
import { monthlyEquivalent } from "@/lib/domain/money";
import {
  BILLING_CYCLES,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from "@/lib/domain/subscriptions";
import { fromColumn } from "./columns";
import type { Actor } from "./users";

// What the dashboard and the subscriptions page sum up: spend and savings,
// renewals to cancel before, subscriptions without a case. Each a fixed
// number of grouped or bounded queries.

export type MoneyByCurrency = { currency: string; monthly: number }[];

/**
 * Monthly spend of what is still billed (active or being cancelled) and the
 * monthly savings of what was cancelled, per currency: one grouped query.
 */
export async function subscriptionTotals(
  actor: Actor,
): Promise<{ spend: MoneyByCurrency; savings: MoneyByCurrency; count: number }> {
  const groups = await db.subscription.groupBy({
    by: ["currency", "billingCycle", "status"],
    where: { userId: actor.id },
    _sum: { amount: true },
    _count: { _all: true },
  });
  const spend = new Map<string, number>();
  const savings = new Map<string, number>();
  let count = 0;
  for (const group of groups) {
    count += group._count._all;
    const monthly = monthlyEquivalent(
      group._sum.amount ?? 0,
      fromColumn(BILLING_CYCLES, group.billingCycle),
    );
    const target = group.status === "cancelled" ? savings : spend;
    target.set(group.currency, (target.get(group.currency) ?? 0) + monthly);
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([currency, monthly]) => ({ currency, monthly }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
  return { spend: sorted(spend), savings: sorted(savings), count };
}

/** How far ahead the dashboard looks for renewals to cancel before. */
export const RENEWAL_HORIZON_DAYS = 14;
const DEADLINES_SHOWN = 10;

export type SubscriptionDeadlines = {
  /** Live subscriptions renewing from today to RENEWAL_HORIZON_DAYS ahead, soonest first. */
  renewals: { id: string; provider: string; nextRenewalOn: string; status: SubscriptionStatus }[];
  renewalsCount: number;
  /** Subscriptions still billed that have no case yet, newest first. */
  withoutCase: { id: string; provider: string }[];
  withoutCaseCount: number;
};

/** The dashboard's deadlines: what renews soon, and what nobody has started to cancel. */
export async function subscriptionDeadlines(
  actor: Actor,
  today: string,
): Promise<SubscriptionDeadlines> {
  const renewing = {
    userId: actor.id,
    status: { not: "cancelled" },
    nextRenewalOn: { gte: today, lte: addDays(today, RENEWAL_HORIZON_DAYS) },
  };
  const uncased = { userId: actor.id, status: { not: "cancelled" }, cases: { none: {} } };
  const [renewals, renewalsCount, withoutCase, withoutCaseCount] = await Promise.all([
    db.subscription.findMany({
      where: renewing,
      orderBy: [{ nextRenewalOn: "asc" }, { id: "asc" }],
      take: DEADLINES_SHOWN,
      select: { id: true, provider: true, nextRenewalOn: true, status: true },
    }),
    db.subscription.count({ where: renewing }),
    db.subscription.findMany({
      where: uncased,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DEADLINES_SHOWN,
      select: { id: true, provider: true },
    }),
    db.subscription.count({ where: uncased }),
  ]);
  return {
    renewals: renewals.map((row) => ({
      ...row,
      nextRenewalOn: row.nextRenewalOn!,
      status: fromColumn(SUBSCRIPTION_STATUSES, row.status),
    })),
    renewalsCount,
    withoutCase,
    withoutCaseCount,
  };
}
