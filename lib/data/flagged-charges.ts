import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { classifyCharges, type ChargeKind } from "@/lib/domain/charges";
import { todayIn } from "@/lib/domain/dates";
import {
  type AccountKind,
  disputeByOf,
  disputeDeadlines,
  type DisputeDeadline,
} from "@/lib/domain/dispute-deadlines";
import { accountKinds, DEFAULT_ACCOUNT_KIND } from "./statement-accounts";
import type { Actor } from "./users";

// Which statement lines are charges after a confirmed cancellation: each
// subscription's watch (its case confirmed most recently) and the lines
// dated after it, classified by the domain's rule (lib/domain/charges.ts).
// Bounded reads, a fixed number of statements however many cases there are.

export type TransactionDto = {
  id: string;
  importId: string;
  account: string;
  postedOn: string;
  description: string;
  amount: number;
  currency: string;
  subscriptionId: string | null;
  statementDate: string | null;
  /** The kind of account the statement is of: it picks the law of a dispute. */
  accountKind: AccountKind;
  /** For a matched line whose subscription has a confirmed case: what it is to that case. */
  kind: ChargeKind | null;
  flagged: boolean;
  caseId: string | null;
  /** A flagged charge's deadlines, nearest first, each with its rule (empty for other lines). */
  disputeDeadlines: DisputeDeadline[];
  /** The nearest of them still ahead, else the last (passed); null when there is none. */
  disputeBy: string | null;
  /** When the statement holding the line was imported. */
  importedAt: Date;
};

/** A subscription's cancellation as the flag rule sees it. */
export type ChargeWatch = {
  caseId: string;
  subscriptionId: string;
  /** The day the provider first confirmed the cancellation (its occurredOn, user's zone): it stays the cut-off after a reopen. */
  confirmedOn: string;
  expectedFinalBill: number | null;
};

/** Confirmation events read for the watches, in all (a case may have been confirmed more than once). */
const CONFIRMATIONS_READ = 5000;

/**
 * For each subscription (of `subscriptionIds`, or all), its case confirmed
 * most recently: what later charges are measured against. A case counts
 * from its first confirmation even when reopened since (the reopen is
 * usually because of the charge), so its flags and dispute dates stay.
 */
export async function chargeWatches(
  actor: Actor & { timeZone: string },
  subscriptionIds?: string[],
): Promise<Map<string, ChargeWatch>> {
  if (subscriptionIds?.length === 0) return new Map();
  // The confirmations themselves, each with its case: one statement however
  // many cases there are.
  const confirmations = await db.$queryRaw<
    {
      caseId: string;
      occurredOn: string;
      subscriptionId: string;
      expectedFinalBill: number | null;
    }[]
  >`
    SELECT "CaseEvent"."caseId", "CaseEvent"."occurredOn",
      "CancellationCase"."subscriptionId", "CancellationCase"."expectedFinalBill"
    FROM "CaseEvent" JOIN "CancellationCase" ON "CancellationCase"."id" = "CaseEvent"."caseId"
    WHERE "CaseEvent"."userId" = ${actor.id} AND "CaseEvent"."to" = 'confirmation_received'
      AND "CancellationCase"."userId" = ${actor.id}
      ${subscriptionIds ? Prisma.sql`AND "CancellationCase"."subscriptionId" IN (${Prisma.join(subscriptionIds)})` : Prisma.empty}
    ORDER BY "CaseEvent"."caseId", "CaseEvent"."seq"
    LIMIT ${CONFIRMATIONS_READ}`;
  const cases: {
    id: string;
    subscriptionId: string;
    expectedFinalBill: number | null;
    confirmedOn: string;
  }[] = [];
  for (const event of confirmations) {
    // The first confirmation of each case (they come in case, then seq, order).
    if (cases.at(-1)?.id === event.caseId) continue;
    cases.push({
      id: event.caseId,
      subscriptionId: event.subscriptionId,
      expectedFinalBill: event.expectedFinalBill === null ? null : Number(event.expectedFinalBill),
      // The day the provider confirmed, as the user says ("cancelled effective Dec 9"), not the day it was written down.
      confirmedOn: event.occurredOn,
    });
  }
  const watches = new Map<string, ChargeWatch>();
  for (const kase of cases) {
    const { confirmedOn } = kase;
    const known = watches.get(kase.subscriptionId);
    if (known && known.confirmedOn >= confirmedOn) continue;
    watches.set(kase.subscriptionId, {
      caseId: kase.id,
      subscriptionId: kase.subscriptionId,
      confirmedOn,
      expectedFinalBill: kase.expectedFinalBill,
    });
  }
  return watches;
}

/** How many lines dated after the confirmations the flag rule reads, in all. */
const LINES_AFTER_READ = 5000;

export type TransactionRow = Omit<
  TransactionDto,
  "kind" | "flagged" | "caseId" | "disputeBy" | "disputeDeadlines" | "accountKind" | "importedAt"
> & {
  createdAt: Date;
};

export const transactionSelect = {
  id: true,
  importId: true,
  account: true,
  postedOn: true,
  description: true,
  amount: true,
  currency: true,
  subscriptionId: true,
  statementDate: true,
  createdAt: true,
} as const;

// A query's bound parameters stay under SQLite's limit (999 in Prisma's
// count): a user watching more subscriptions is read in slices of this many.
const WATCHES_PER_QUERY = 400;

/**
 * Every line dated after its subscription's confirmation, classified (the
 * expected final bill is the first line of its amount): first which watched
 * subscriptions have any line after the earliest confirmation (one small
 * grouped query; a user without statements stops here), then those
 * subscriptions' lines, 400 watches per query, oldest first, bounded.
 */
export async function linesAfter(
  actor: Actor,
  watches: Map<string, ChargeWatch>,
): Promise<(TransactionRow & { kind: ChargeKind })[]> {
  if (watches.size === 0) return [];
  const earliest = [...watches.values()].reduce(
    (min, w) => (w.confirmedOn < min ? w.confirmedOn : min),
    "9999-12-31",
  );
  const withLines = await db.transaction.groupBy({
    by: ["subscriptionId"],
    where: { userId: actor.id, subscriptionId: { not: null }, postedOn: { gt: earliest } },
  });
  const all = withLines.flatMap((row) => {
    const watch = row.subscriptionId ? watches.get(row.subscriptionId) : undefined;
    return watch ? [watch] : [];
  });
  if (all.length === 0) return [];
  const slices: ChargeWatch[][] = [];
  for (let i = 0; i < all.length; i += WATCHES_PER_QUERY)
    slices.push(all.slice(i, i + WATCHES_PER_QUERY));
  const read = await Promise.all(
    slices.map((slice) =>
      db.transaction.findMany({
        where: {
          userId: actor.id,
          OR: slice.map((w) => ({
            subscriptionId: w.subscriptionId,
            postedOn: { gt: w.confirmedOn },
          })),
        },
        orderBy: [{ postedOn: "asc" }, { id: "asc" }],
        take: LINES_AFTER_READ,
        select: transactionSelect,
      }),
    ),
  );
  const rows =
    read.length === 1
      ? read[0]!
      : read
          .flat()
          .sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id))
          .slice(0, LINES_AFTER_READ);
  const bySubscription = new Map<string, TransactionRow[]>();
  for (const row of rows) {
    const list = bySubscription.get(row.subscriptionId!) ?? [];
    list.push(row);
    bySubscription.set(row.subscriptionId!, list);
  }
  return [...bySubscription].flatMap(([subscriptionId, lines]) =>
    classifyCharges(lines, watches.get(subscriptionId)!),
  );
}

/** What a line's DTO needs besides the line: its account's kind and the user's today. */
export type LineContext = { kinds: Map<string, AccountKind>; today: string };

/** The context for `rows`: one query for their accounts' kinds. */
export async function lineContext(
  actor: Actor & { timeZone: string },
  rows: readonly { account: string }[],
): Promise<LineContext> {
  return {
    kinds: await accountKinds(
      actor,
      rows.map((row) => row.account),
    ),
    today: todayIn(actor.timeZone),
  };
}

export function toDto(
  row: TransactionRow,
  kind: ChargeKind | null,
  watch: ChargeWatch | undefined,
  context: LineContext,
): TransactionDto {
  const flagged = kind === "after";
  const accountKind = context.kinds.get(row.account) ?? DEFAULT_ACCOUNT_KIND;
  const deadlines = flagged
    ? disputeDeadlines({ accountKind, statementDate: row.statementDate, postedOn: row.postedOn })
    : [];
  return {
    id: row.id,
    importId: row.importId,
    account: row.account,
    postedOn: row.postedOn,
    description: row.description,
    amount: row.amount,
    currency: row.currency,
    subscriptionId: row.subscriptionId,
    statementDate: row.statementDate,
    accountKind,
    kind,
    flagged,
    caseId: watch?.caseId ?? null,
    disputeDeadlines: deadlines,
    disputeBy: disputeByOf(deadlines, context.today),
    importedAt: row.createdAt,
  };
}

/** The flagged lines: charges after a confirmed cancellation, newest first. */
export async function flaggedCharges(
  actor: Actor & { timeZone: string },
  subscriptionIds?: string[],
): Promise<TransactionDto[]> {
  const watches = await chargeWatches(actor, subscriptionIds);
  const flagged = (await linesAfter(actor, watches)).filter((line) => line.kind === "after");
  const context = await lineContext(actor, flagged);
  return flagged
    .map((line) => toDto(line, line.kind, watches.get(line.subscriptionId!), context))
    .sort((a, b) => b.postedOn.localeCompare(a.postedOn) || b.id.localeCompare(a.id));
}
