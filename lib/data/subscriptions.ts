import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/domain/case-workflow";
import { monthlyEquivalent, type BillingCycle } from "@/lib/domain/money";
import type { SubscriptionCategory } from "@/lib/domain/subscriptions";
import { AppError } from "@/lib/errors";
import type { CreateSubscriptionInput, PageQuery, UpdateSubscriptionInput } from "@/lib/validation/subscriptions";
import { afterCursor, toPage, type Page } from "./pagination";
import type { Actor } from "./users";

export type SubscriptionDto = {
  id: string;
  provider: string;
  category: SubscriptionCategory;
  plan: string | null;
  amount: number;
  currency: string;
  billingCycle: BillingCycle;
  nextRenewalOn: string | null;
  accountRef: string | null;
  paymentMethod: string | null;
  autoRenew: boolean;
  cancelUrl: string | null;
  status: SubscriptionStatus;
  cancelledAt: Date | null;
  notes: string | null;
  createdAt: Date;
};

export const subscriptionSelect = {
  id: true,
  provider: true,
  category: true,
  plan: true,
  amount: true,
  currency: true,
  billingCycle: true,
  nextRenewalOn: true,
  accountRef: true,
  paymentMethod: true,
  autoRenew: true,
  cancelUrl: true,
  status: true,
  cancelledAt: true,
  notes: true,
  createdAt: true,
} as const;

// The columns hold only values the validation layer let in.
export function asSubscription(row: { category: string; billingCycle: string; status: string } & Record<string, unknown>) {
  return row as unknown as SubscriptionDto;
}

export function notFound(what = "Subscription"): AppError {
  return new AppError("not_found", `${what} not found.`);
}

export async function createSubscription(actor: Actor, input: CreateSubscriptionInput): Promise<SubscriptionDto> {
  const row = await db.subscription.create({
    data: { ...input, autoRenew: input.autoRenew ?? true, userId: actor.id },
    select: subscriptionSelect,
  });
  return asSubscription(row);
}

// Cached per request: a page and its metadata ask for the same row once.
export const getSubscription = cache(async (actor: Actor, id: string): Promise<SubscriptionDto> => {
  const row = await db.subscription.findFirst({ where: { id, userId: actor.id }, select: subscriptionSelect });
  if (!row) throw notFound();
  return asSubscription(row);
});

export async function listSubscriptions(actor: Actor, query: PageQuery): Promise<Page<SubscriptionDto>> {
  const rows = await db.subscription.findMany({
    where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: subscriptionSelect,
  });
  return toPage(rows.map(asSubscription), query.limit, (row) => row.createdAt);
}

/** Every subscription of the user, for the table (the UI sorts and totals them). */
export async function listAllSubscriptions(actor: Actor): Promise<SubscriptionDto[]> {
  const rows = await db.subscription.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: subscriptionSelect,
  });
  return rows.map(asSubscription);
}

export async function updateSubscription(
  actor: Actor,
  id: string,
  input: UpdateSubscriptionInput,
): Promise<SubscriptionDto> {
  const { count } = await db.subscription.updateMany({ where: { id, userId: actor.id }, data: input });
  if (count !== 1) throw notFound();
  return getSubscription(actor, id);
}

/** Deletes the subscription and its cases (with their history); returns how many cases went. */
export async function deleteSubscription(actor: Actor, id: string): Promise<{ deletedCases: number }> {
  return db.$transaction(async (tx) => {
    const deletedCases = await tx.cancellationCase.count({ where: { subscriptionId: id, userId: actor.id } });
    const { count } = await tx.subscription.deleteMany({ where: { id, userId: actor.id } });
    if (count !== 1) throw notFound();
    return { deletedCases };
  });
}

export type MoneyByCurrency = { currency: string; monthly: number }[];

/**
 * Monthly spend of what is still billed (active or being cancelled) and the
 * monthly savings of what was cancelled, per currency: one grouped query.
 */
export async function subscriptionTotals(actor: Actor): Promise<{ spend: MoneyByCurrency; savings: MoneyByCurrency; count: number }> {
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
    const monthly = monthlyEquivalent(group._sum.amount ?? 0, group.billingCycle as BillingCycle);
    const target = group.status === "cancelled" ? savings : spend;
    target.set(group.currency, (target.get(group.currency) ?? 0) + monthly);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([currency, monthly]) => ({ currency, monthly })).sort((a, b) => a.currency.localeCompare(b.currency));
  return { spend: sorted(spend), savings: sorted(savings), count };
}
