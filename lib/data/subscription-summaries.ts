import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { DASHBOARD_ROWS } from "@/lib/domain/dashboard";
import { addDays } from "@/lib/domain/dates";
import { monthlyEquivalent } from "@/lib/domain/money";
import { TRIALS_AHEAD_DAYS, trialsEnding } from "@/lib/domain/trials";
import {
  BILLING_CYCLES,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from "@/lib/domain/subscriptions";
import type { SubscriptionView } from "@/lib/domain/subscriptions-sort";
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

/**
 * Which of the user's subscriptions a dashboard card (and the table its
 * "see all" link opens) holds, as SQL over "Subscription": one definition,
 * so the card's count and the table's are the same number.
 */
export function subscriptionViewWhere(view: SubscriptionView, today: string): Prisma.Sql {
  switch (view) {
    case "renewing":
      return Prisma.sql`"status" <> 'cancelled' AND "nextRenewalOn" >= ${today}
        AND "nextRenewalOn" <= ${addDays(today, RENEWAL_HORIZON_DAYS)}`;
    case "no-case":
      return Prisma.sql`"status" <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM "CancellationCase"
        WHERE "CancellationCase"."subscriptionId" = "Subscription"."id")`;
    case "trial":
      // trialsEnding's window: a cancel-by day (the day before the trial
      // ends) from yesterday to TRIALS_AHEAD_DAYS ahead.
      return Prisma.sql`"status" <> 'cancelled' AND "trialEndsOn" >= ${today}
        AND "trialEndsOn" <= ${addDays(today, TRIALS_AHEAD_DAYS + 1)}`;
  }
}

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
  // (BENCHMARKS.md, lever 23). Renewals are in the table's renewal order, so
  // "see all" opens on the same rows.
  const [renewals, withoutCase] = await Promise.all([
    db.$queryRaw<
      { id: string; provider: string; nextRenewalOn: string; status: string; total: bigint }[]
    >`
      SELECT "id", "provider", "nextRenewalOn", "status", COUNT(*) OVER () AS "total"
      FROM "Subscription"
      WHERE "userId" = ${actor.id} AND ${subscriptionViewWhere("renewing", today)}
      ORDER BY "nextRenewalOn" ASC, lower("provider") ASC, "id" ASC
      LIMIT ${DASHBOARD_ROWS}`,
    db.$queryRaw<{ id: string; provider: string; total: bigint }[]>`
      SELECT "id", "provider", COUNT(*) OVER () AS "total"
      FROM "Subscription"
      WHERE "userId" = ${actor.id} AND ${subscriptionViewWhere("no-case", today)}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${DASHBOARD_ROWS}`,
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

/**
 * The dashboard's "trials ending": free trials to cancel soon, soonest first
 * (a screenful), with how many there are in all, in one statement.
 */
export async function trialDeadlines(
  actor: Actor,
  today: string,
): Promise<{ items: TrialDeadline[]; total: number }> {
  const rows = await db.$queryRaw<
    { id: string; provider: string; trialEndsOn: string; total: bigint }[]
  >`
    SELECT "id", "provider", "trialEndsOn", COUNT(*) OVER () AS "total"
    FROM "Subscription"
    WHERE "userId" = ${actor.id} AND ${subscriptionViewWhere("trial", today)}
    ORDER BY "trialEndsOn" ASC, "id" ASC
    LIMIT ${DASHBOARD_ROWS}`;
  const items = trialsEnding(
    rows.map(({ id, provider, trialEndsOn }) => ({ id, provider, trialEndsOn, cancelled: false })),
    today,
  ).map(({ id, provider, trialEndsOn, cancelBy, daysLeft }) => ({
    id,
    provider,
    trialEndsOn,
    cancelBy,
    daysLeft,
  }));
  return { items, total: Number(rows[0]?.total ?? 0) };
}
