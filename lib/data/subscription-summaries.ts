import "server-only";
import { db } from "@/lib/db/client";
import { addDays } from "@/lib/domain/dates";
import { monthlyEquivalent } from "@/lib/domain/money";
import { TRIALS_AHEAD_DAYS, trialsEnding } from "@/lib/domain/trials";
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
  // Each list comes with its total in the same statement (COUNT(*) OVER (),
  // counted before the LIMIT), as raw SQL: two statements instead of four
  // query-builder calls, each of which Prisma 6.19 compiles on the event loop
  // (BENCHMARKS.md, lever 23).
  const [renewals, withoutCase] = await Promise.all([
    db.$queryRaw<
      { id: string; provider: string; nextRenewalOn: string; status: string; total: bigint }[]
    >`
      SELECT "id", "provider", "nextRenewalOn", "status", COUNT(*) OVER () AS "total"
      FROM "Subscription"
      WHERE "userId" = ${actor.id} AND "status" <> 'cancelled'
        AND "nextRenewalOn" >= ${today} AND "nextRenewalOn" <= ${addDays(today, RENEWAL_HORIZON_DAYS)}
      ORDER BY "nextRenewalOn" ASC, "id" ASC
      LIMIT ${DEADLINES_SHOWN}`,
    db.$queryRaw<{ id: string; provider: string; total: bigint }[]>`
      SELECT "id", "provider", COUNT(*) OVER () AS "total"
      FROM "Subscription"
      WHERE "userId" = ${actor.id} AND "status" <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM "CancellationCase"
          WHERE "CancellationCase"."subscriptionId" = "Subscription"."id")
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${DEADLINES_SHOWN}`,
  ]);
  return {
    renewals: renewals.map(({ id, provider, nextRenewalOn, status }) => ({
      id,
      provider,
      nextRenewalOn,
      status: fromColumn(SUBSCRIPTION_STATUSES, status),
    })),
    renewalsCount: Number(renewals[0]?.total ?? 0),
    withoutCase: withoutCase.map(({ id, provider }) => ({ id, provider })),
    withoutCaseCount: Number(withoutCase[0]?.total ?? 0),
  };
}

export type TrialDeadline = {
  id: string;
  provider: string;
  trialEndsOn: string;
  /** The last day to cancel without paying (lib/domain/trials.ts). */
  cancelBy: string;
  daysLeft: number;
};

/** The dashboard's "trials ending": free trials to cancel soon, soonest first (at most 10). */
export async function trialDeadlines(actor: Actor, today: string): Promise<TrialDeadline[]> {
  const rows = await db.subscription.findMany({
    where: {
      userId: actor.id,
      status: { not: "cancelled" },
      trialEndsOn: { gte: today, lte: addDays(today, TRIALS_AHEAD_DAYS + 1) },
    },
    orderBy: [{ trialEndsOn: "asc" }, { id: "asc" }],
    take: DEADLINES_SHOWN,
    select: { id: true, provider: true, trialEndsOn: true },
  });
  return trialsEnding(
    rows.map((row) => ({ ...row, cancelled: false })),
    today,
  ).map(({ id, provider, trialEndsOn, cancelBy, daysLeft }) => ({
    id,
    provider,
    trialEndsOn,
    cancelBy,
    daysLeft,
  }));
}
