import "server-only";
import { db } from "@/lib/db/client";
import {
  classifyCharges,
  disputeBy,
  patternsOf,
  subscriptionMatcher,
  type ChargeKind,
} from "@/lib/domain/charges";
import { todayIn } from "@/lib/domain/dates";
import { invalidCursor, type Page } from "./pagination";
import type { Actor } from "./users";

// Statement lines as read: each matched to a subscription (when stored, and
// again when patterns change); whether a matched charge is flagged depends
// on the case (confirmed when, a final bill expected) and is worked out when
// read. Writing an import is ./statement-imports.ts.

/** Every subscription's merchant patterns (its own, or made from its provider's name). */
export async function subscriptionPatterns(
  actor: Actor,
): Promise<{ id: string; patterns: string[] }[]> {
  const rows = await db.subscription.findMany({
    where: { userId: actor.id },
    select: { id: true, provider: true, merchantPatterns: true },
  });
  return rows.map((row) => ({
    id: row.id,
    patterns: patternsOf(row.merchantPatterns, row.provider),
  }));
}

const REMATCH_PAGE = 1000;

/**
 * Matches every stored line of the user again (after a subscription was
 * added, renamed or given new patterns): a page of lines at a time, one
 * update per subscription a page's lines move to.
 */
export async function rematchLines(actor: Actor): Promise<{ moved: number }> {
  const match = subscriptionMatcher(await subscriptionPatterns(actor));
  let moved = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.transaction.findMany({
      where: { userId: actor.id, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: REMATCH_PAGE,
      select: { id: true, description: true, subscriptionId: true },
    });
    const moves = new Map<string | null, string[]>();
    for (const row of rows) {
      const target = match(row.description);
      if (target === row.subscriptionId) continue;
      moves.set(target, [...(moves.get(target) ?? []), row.id]);
    }
    for (const [subscriptionId, ids] of moves) {
      await db.transaction.updateMany({
        where: { userId: actor.id, id: { in: ids } },
        data: { subscriptionId },
      });
      moved += ids.length;
    }
    if (rows.length < REMATCH_PAGE) return { moved };
    after = rows.at(-1)!.id;
  }
}

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
  /** For a matched line whose subscription has a confirmed case: what it is to that case. */
  kind: ChargeKind | null;
  flagged: boolean;
  caseId: string | null;
  disputeBy: string | null;
};

/** How far back the flag rule reads a subscription's lines. */
const LINES_PER_SUBSCRIPTION_READ = 1000;

/**
 * What each matched line is to its subscription's latest confirmed case:
 * read per subscription (bounded), classified by lib/domain/charges.
 */
async function classified(
  actor: Actor & { timeZone: string },
  subscriptionIds: string[],
): Promise<Map<string, { kind: ChargeKind; caseId: string }>> {
  const cases = await db.cancellationCase.findMany({
    where: {
      userId: actor.id,
      subscriptionId: { in: subscriptionIds },
      state: "confirmation_received",
    },
    orderBy: { closedAt: "desc" },
    select: { id: true, subscriptionId: true, closedAt: true, expectedFinalBill: true },
  });
  const latest = new Map<string, (typeof cases)[number]>();
  for (const c of cases) if (!latest.has(c.subscriptionId)) latest.set(c.subscriptionId, c);
  const result = new Map<string, { kind: ChargeKind; caseId: string }>();
  for (const [subscriptionId, kase] of latest) {
    const lines = await db.transaction.findMany({
      where: { userId: actor.id, subscriptionId },
      orderBy: [{ postedOn: "desc" }, { id: "desc" }],
      take: LINES_PER_SUBSCRIPTION_READ,
      select: { id: true, postedOn: true, amount: true },
    });
    const confirmedOn = kase.closedAt ? todayIn(actor.timeZone, kase.closedAt) : null;
    for (const line of classifyCharges(lines, {
      confirmedOn,
      expectedFinalBill: kase.expectedFinalBill,
    })) {
      result.set(line.id, { kind: line.kind, caseId: kase.id });
    }
  }
  return result;
}

type TransactionRow = Omit<TransactionDto, "kind" | "flagged" | "caseId" | "disputeBy"> & {
  createdAt: Date;
};

function withFlags(
  rows: TransactionRow[],
  kinds: Map<string, { kind: ChargeKind; caseId: string }>,
): TransactionDto[] {
  return rows.map((row) => {
    const found = kinds.get(row.id);
    const flagged = found?.kind === "after";
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
      kind: found?.kind ?? null,
      flagged,
      caseId: found?.caseId ?? null,
      disputeBy: flagged && row.statementDate ? disputeBy(row.statementDate) : null,
    };
  });
}

const transactionSelect = {
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

/**
 * A user's statement lines, newest first (?subscriptionId= for one
 * subscription's). `flagged`: only charges after a confirmed cancellation,
 * read from the confirmed cases' subscriptions (bounded per subscription).
 */
export async function listTransactions(
  actor: Actor & { timeZone: string },
  query: { limit: number; cursor?: string; subscriptionId?: string; flagged?: boolean },
): Promise<Page<TransactionDto>> {
  const cursor = query.cursor ? decodeLineCursor(query.cursor) : null;
  const after = cursor
    ? {
        OR: [
          { postedOn: { lt: cursor.postedOn } },
          { postedOn: cursor.postedOn, id: { lt: cursor.id } },
        ],
      }
    : {};
  if (query.flagged) {
    const confirmed = await db.cancellationCase.findMany({
      where: {
        userId: actor.id,
        state: "confirmation_received",
        ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
      },
      select: { subscriptionId: true },
      take: 1000,
    });
    const subscriptionIds = [...new Set(confirmed.map((c) => c.subscriptionId))];
    const kinds = await classified(actor, subscriptionIds);
    const flaggedIds = [...kinds].filter(([, v]) => v.kind === "after").map(([id]) => id);
    const rows = await db.transaction.findMany({
      where: { userId: actor.id, id: { in: flaggedIds }, ...after },
      orderBy: [{ postedOn: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: transactionSelect,
    });
    return linePage(withFlags(rows, kinds), query.limit);
  }
  const rows = await db.transaction.findMany({
    where: {
      userId: actor.id,
      ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
      ...after,
    },
    orderBy: [{ postedOn: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: transactionSelect,
  });
  const subscriptionIds = [
    ...new Set(rows.map((r) => r.subscriptionId).filter((id): id is string => id !== null)),
  ];
  return linePage(withFlags(rows, await classified(actor, subscriptionIds)), query.limit);
}

function linePage(items: TransactionDto[], limit: number): Page<TransactionDto> {
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      items.length > limit && last
        ? Buffer.from(`t:${last.postedOn}:${last.id}`, "utf8").toString("base64url")
        : null,
  };
}

function decodeLineCursor(cursor: string): { postedOn: string; id: string } {
  const match = /^t:(\d{4}-\d{2}-\d{2}):([A-Za-z0-9_-]{1,64})$/.exec(
    Buffer.from(cursor, "base64url").toString("utf8"),
  );
  if (!match) throw invalidCursor();
  return { postedOn: match[1]!, id: match[2]! };
}
