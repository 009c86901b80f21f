import "server-only";
import { patternsOf } from "@/lib/domain/merchant-patterns";
import { cache } from "react";
import { subscriptionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  BILLING_CYCLES,
  SUBSCRIPTION_CATEGORIES,
  SUBSCRIPTION_STATUSES,
  type BillingCycle,
  type SubscriptionCategory,
  type SubscriptionStatus,
} from "@/lib/domain/subscriptions";
import type {
  SortDirection,
  SubscriptionSort,
  SubscriptionView,
} from "@/lib/domain/subscriptions-sort";
import type { PageQuery } from "@/lib/validation/fields";
import type {
  CreateSubscriptionInput,
  UpdateSubscriptionInput,
} from "@/lib/validation/subscriptions";
import { checkedPlaybookSlug } from "@/lib/playbooks/catalog";
import { playbookFor } from "@/lib/playbooks/library";
import { fromColumn } from "./columns";
import { limitReachedError, notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
import { removeReceiptFiles } from "./receipts";
import { rematchLines } from "./transactions";
import type { Actor } from "./users";
import { replanToday } from "./notification-settings";
import { subscriptionViewWhere } from "./subscription-summaries";
import { DEFAULT_PREFS } from "@/lib/domain/reminders";
import { parseLeadTimes, storedLeadTimes } from "@/lib/domain/reminder-rules";

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
  /** The patterns its statement lines are matched by (its own, or from the provider's name). */
  merchantPatterns: string[];
  /** The provider playbook it follows (playbooks/<slug>.json), or null. */
  playbookSlug: string | null;
  /** The day a free trial ends (its cancel-by day is the day before); null: no trial. */
  trialEndsOn: string | null;
  /** Days before a renewal it is reminded, largest first: its own, or the user's. */
  remindDaysBefore: number[];
  /** True when remindDaysBefore is the user's (Settings → Notifications), not its own. */
  remindDaysBeforeDefault: boolean;
  /** Cancel at least this many days before renewal; null: no notice period. */
  noticeDays: number | null;
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
  merchantPatterns: true,
  playbookSlug: true,
  trialEndsOn: true,
  remindDaysBefore: true,
  noticeDays: true,
  createdAt: true,
} as const satisfies Partial<Record<keyof SubscriptionDto, unknown>>;

type SubscriptionRow = Prisma.SubscriptionGetPayload<{ select: typeof subscriptionSelect }>;

/**
 * The owner's lead times (Settings → Notifications): the default of every
 * subscription without its own. One read for a whole list, not a join per
 * row (the join cost a list two more statements: its users, their settings).
 */
export async function ownerLeadTimes(actor: Actor): Promise<number[]> {
  const settings = await db.notificationSettings.findUnique({
    where: { userId: actor.id },
    select: { renewalDays: true },
  });
  return parseLeadTimes(settings?.renewalDays ?? null) ?? DEFAULT_PREFS.renewalDays;
}

/** A row as the API shows it; ownerDefault: ownerLeadTimes of its owner. */
export function toSubscriptionDto(row: SubscriptionRow, ownerDefault: number[]): SubscriptionDto {
  const own = parseLeadTimes(row.remindDaysBefore);
  return {
    ...row,
    remindDaysBefore: own ?? ownerDefault,
    remindDaysBeforeDefault: own === null,
    category: fromColumn(SUBSCRIPTION_CATEGORIES, row.category),
    billingCycle: fromColumn(BILLING_CYCLES, row.billingCycle),
    status: fromColumn(SUBSCRIPTION_STATUSES, row.status),
    merchantPatterns: patternsOf(row.merchantPatterns, row.provider),
  };
}

/** Patterns as stored: newline-separated, null for "from the provider's name". */
function storedPatterns(patterns: string[] | null | undefined) {
  return patterns === undefined
    ? {}
    : { merchantPatterns: patterns === null ? null : patterns.join("\n") };
}

const subscriptionNotFound = () => notFoundError("Subscription");

export async function createSubscription(
  actor: Actor,
  input: CreateSubscriptionInput,
): Promise<SubscriptionDto> {
  // Counted and created in one transaction: parallel creates cannot overrun the limit.
  const row = await db.$transaction(async (tx) => {
    const limit = subscriptionsPerUserLimit();
    if ((await tx.subscription.count({ where: { userId: actor.id } })) >= limit) {
      throw limitReachedError(
        "subscriptions",
        limit,
        `You already keep ${limit} subscriptions, the most one account can hold.`,
      );
    }
    const { merchantPatterns, playbookSlug, remindDaysBefore, ...fields } = input;
    return tx.subscription.create({
      data: {
        ...fields,
        remindDaysBefore: storedLeadTimes(remindDaysBefore ?? null),
        ...storedPatterns(merchantPatterns),
        // Not given: the playbook the provider's name matches, if any.
        playbookSlug:
          playbookSlug === undefined
            ? playbookFor(input.provider)
            : checkedPlaybookSlug(playbookSlug),
        autoRenew: input.autoRenew ?? true,
        userId: actor.id,
      },
      select: subscriptionSelect,
    });
  });
  await rematchLines(actor);
  return toSubscriptionDto(row, await ownerLeadTimes(actor));
}

// Cached per request: a page and its metadata ask for the same row once.
export const getSubscription = cache(async (actor: Actor, id: string): Promise<SubscriptionDto> => {
  const [row, ownerDefault] = await Promise.all([
    db.subscription.findFirst({ where: { id, userId: actor.id }, select: subscriptionSelect }),
    ownerLeadTimes(actor),
  ]);
  if (!row) throw subscriptionNotFound();
  return toSubscriptionDto(row, ownerDefault);
});

export async function listSubscriptions(
  actor: Actor,
  query: PageQuery,
): Promise<Page<SubscriptionDto>> {
  const [rows, ownerDefault] = await Promise.all([
    db.subscription.findMany({
      where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: subscriptionSelect,
    }),
    ownerLeadTimes(actor),
  ]);
  return toPage(
    rows.map((row) => toSubscriptionDto(row, ownerDefault)),
    query.limit,
    (row) => row.createdAt,
  );
}

export type SubscriptionTable = {
  items: SubscriptionDto[];
  total: number;
  page: number;
  pageCount: number;
};

// The table's orders, in SQL: case-insensitive names, price per month (as
// monthlyEquivalent computes it), missing plans and renewal dates last in
// either direction, status by how urgent it is; the id settles ties.
// Identifiers are quoted: PostgreSQL folds unquoted ones to lower case.
const byName = Prisma.sql`lower("provider")`;
const TABLE_ORDER: Record<SubscriptionSort, (dir: Prisma.Sql) => Prisma.Sql> = {
  provider: (dir) => Prisma.sql`${byName} ${dir}`,
  category: (dir) => Prisma.sql`"category" ${dir}, ${byName}`,
  plan: (dir) => Prisma.sql`("plan" IS NULL), lower("plan") ${dir}, ${byName}`,
  price: (
    dir,
  ) => Prisma.sql`round("amount" / CASE "billingCycle" WHEN 'weekly' THEN 12.0 / 52 WHEN 'quarterly' THEN 3.0
    WHEN 'yearly' THEN 12.0 ELSE 1.0 END) ${dir}, ${byName}`,
  renewal: (dir) => Prisma.sql`("nextRenewalOn" IS NULL), "nextRenewalOn" ${dir}, ${byName}`,
  status: (dir) =>
    Prisma.sql`CASE "status" WHEN 'cancelling' THEN 0 WHEN 'active' THEN 1 WHEN 'cancelled' THEN 2 ELSE 9 END ${dir}, ${byName}`,
};

/**
 * One page of the subscriptions table, sorted in SQL: the page never loads
 * or renders more rows than it shows, however many the user keeps. A page
 * past the end shows the last one. With a view, only the subscriptions of
 * that dashboard card (subscriptionViewWhere), counted as the card counts.
 */
export async function listSubscriptionTable(
  actor: Actor,
  query: {
    sort: SubscriptionSort;
    dir: SortDirection;
    page: number;
    pageSize: number;
    view?: { show: SubscriptionView; today: string } | null;
  },
): Promise<SubscriptionTable> {
  const where = query.view
    ? Prisma.sql`"userId" = ${actor.id} AND ${subscriptionViewWhere(query.view.show, query.view.today)}`
    : Prisma.sql`"userId" = ${actor.id}`;
  const total = query.view
    ? Number(
        (
          await db.$queryRaw<{ total: bigint }[]>`
            SELECT COUNT(*) AS "total" FROM "Subscription" WHERE ${where}`
        )[0]?.total ?? 0,
      )
    : await db.subscription.count({ where: { userId: actor.id } });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page) || 1), pageCount);
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Subscription" WHERE ${where}
    ORDER BY ${TABLE_ORDER[query.sort](dir)}, "id"
    LIMIT ${query.pageSize} OFFSET ${(page - 1) * query.pageSize}`;
  const [rows, ownerDefault] = await Promise.all([
    db.subscription.findMany({
      where: { userId: actor.id, id: { in: ids.map((row) => row.id) } },
      select: subscriptionSelect,
    }),
    ownerLeadTimes(actor),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toSubscriptionDto(row, ownerDefault)] : [];
  });
  return { items, total, page, pageCount };
}

export async function updateSubscription(
  actor: Actor,
  id: string,
  input: UpdateSubscriptionInput,
): Promise<SubscriptionDto> {
  const { merchantPatterns, playbookSlug, remindDaysBefore, ...fields } = input;
  const data = {
    ...fields,
    ...(remindDaysBefore === undefined
      ? {}
      : { remindDaysBefore: storedLeadTimes(remindDaysBefore) }),
    ...storedPatterns(merchantPatterns),
    playbookSlug: checkedPlaybookSlug(playbookSlug),
  };
  // Nothing to change (PATCH {}): Prisma skips an empty update and counts no
  // row, which read as "not found"; the subscription is answered as it is.
  if (Object.values(data).every((value) => value === undefined)) {
    return getSubscription(actor, id);
  }
  const { count } = await db.subscription.updateMany({ where: { id, userId: actor.id }, data });
  if (count !== 1) throw subscriptionNotFound();
  // A new name or new patterns can claim statement lines, or let some go.
  if (merchantPatterns !== undefined || input.provider !== undefined) await rematchLines(actor);
  // A renewal date moved into the reminder window is reminded today.
  await replanToday(actor.id);
  return getSubscription(actor, id);
}

/**
 * Deletes the subscription and its cases (with their history, notes and
 * receipts); returns how many cases went. The receipts' files go right after
 * the rows are committed.
 */
export async function deleteSubscription(
  actor: Actor,
  id: string,
): Promise<{ deletedCases: number }> {
  const { deletedCases, storageKeys } = await db.$transaction(async (tx) => {
    const where = { subscriptionId: id, userId: actor.id };
    const deletedCases = await tx.cancellationCase.count({ where });
    const receipts = await tx.receipt.findMany({
      where: { userId: actor.id, case: where },
      select: { storageKey: true },
    });
    const { count } = await tx.subscription.deleteMany({ where: { id, userId: actor.id } });
    if (count !== 1) throw subscriptionNotFound();
    return { deletedCases, storageKeys: receipts.map((r) => r.storageKey) };
  });
  await removeReceiptFiles(storageKeys);
  return { deletedCases };
}
