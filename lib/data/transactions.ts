import "server-only";
import { db } from "@/lib/db/client";
import { classifyCharges, subscriptionMatcher } from "@/lib/domain/charges";
import { patternsOf } from "@/lib/domain/merchant-patterns";
import { notFoundError } from "./errors";
import {
  chargeWatches,
  flaggedCharges,
  lineContext,
  linesAfter,
  toDto,
  transactionSelect,
  type ChargeWatch,
  type TransactionDto,
} from "./flagged-charges";
import { invalidCursor, type Page } from "./pagination";
import type { Actor } from "./users";
import { replanToday } from "./notification-settings";

// Statement lines as read: each matched to a subscription (when stored, and
// again when patterns change); whether a matched charge is flagged depends
// on the case (confirmed when, a final bill expected) and is worked out when
// read (./flagged-charges.ts). Writing an import is ./statement-imports.ts.

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
      const ids = moves.get(target);
      if (ids) ids.push(row.id);
      else moves.set(target, [row.id]);
    }
    for (const [subscriptionId, ids] of moves) {
      await db.transaction.updateMany({
        where: { userId: actor.id, id: { in: ids } },
        data: { subscriptionId },
      });
      moved += ids.length;
    }
    if (rows.length < REMATCH_PAGE) break;
    after = rows.at(-1)!.id;
    // The database answers synchronously: other requests get their turn between two pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // A line moved to a confirmed case's subscription is a flagged charge, and a
  // new subscription may renew within the reminder window: today is planned again.
  await replanToday(actor.id);
  return { moved };
}

/**
 * A user's statement lines, newest first (?subscriptionId= for one
 * subscription's), each with what it is to its subscription's confirmed
 * case. `flagged`: only the charges after a confirmed cancellation.
 */
export async function listTransactions(
  actor: Actor & { timeZone: string },
  query: {
    limit: number;
    cursor?: string;
    subscriptionId?: string;
    flagged?: boolean;
    /** One statement account's lines (its label). */
    account?: string;
  },
): Promise<Page<TransactionDto>> {
  const cursor = query.cursor ? decodeLineCursor(query.cursor) : null;
  const only = query.subscriptionId ? [query.subscriptionId] : undefined;
  if (query.flagged) {
    const flagged = (await flaggedCharges(actor, only)).filter(
      (line) =>
        (query.account === undefined || line.account === query.account) &&
        (!cursor ||
          line.postedOn < cursor.postedOn ||
          (line.postedOn === cursor.postedOn && line.id < cursor.id)),
    );
    return linePage(flagged.slice(0, query.limit + 1), query.limit);
  }
  const rows = await db.transaction.findMany({
    where: {
      userId: actor.id,
      ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
      ...(query.account !== undefined ? { account: query.account } : {}),
      ...(cursor
        ? {
            OR: [
              { postedOn: { lt: cursor.postedOn } },
              { postedOn: cursor.postedOn, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ postedOn: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: transactionSelect,
  });
  const subscriptionIds = [
    ...new Set(rows.map((r) => r.subscriptionId).filter((id): id is string => id !== null)),
  ];
  const watches = await chargeWatches(actor, subscriptionIds);
  const after = new Map((await linesAfter(actor, watches)).map((line) => [line.id, line.kind]));
  const context = await lineContext(actor, rows);
  const items = rows.map((row) => {
    const watch = row.subscriptionId ? watches.get(row.subscriptionId) : undefined;
    if (!watch) return toDto(row, null, undefined, context);
    // A line later than the bounded read is taken for a charge after the cancellation.
    const kind =
      after.get(row.id) ??
      classifyCharges([row], { confirmedOn: watch.confirmedOn, expectedFinalBill: null })[0]!.kind;
    return toDto(row, kind, watch, context);
  });
  return linePage(items, query.limit);
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

/** One statement line, with what it is to its subscription's case. */
export async function getTransaction(
  actor: Actor & { timeZone: string },
  id: string,
): Promise<TransactionDto> {
  const row = await db.transaction.findFirst({
    where: { id, userId: actor.id },
    select: transactionSelect,
  });
  if (!row) throw notFoundError("Statement line");
  const watches = row.subscriptionId
    ? await chargeWatches(actor, [row.subscriptionId])
    : new Map<string, ChargeWatch>();
  const watch = row.subscriptionId ? watches.get(row.subscriptionId) : undefined;
  const context = await lineContext(actor, [row]);
  if (!watch) return toDto(row, null, undefined, context);
  const after = await linesAfter(actor, watches);
  const kind =
    after.find((line) => line.id === row.id)?.kind ??
    classifyCharges([row], { confirmedOn: watch.confirmedOn, expectedFinalBill: null })[0]!.kind;
  return toDto(row, kind, watch, context);
}

/**
 * The statement date of one line, entered by hand (a CSV does not carry it):
 * the dispute window counts from it.
 */
export async function setStatementDate(
  actor: Actor & { timeZone: string },
  id: string,
  statementDate: string | null,
): Promise<TransactionDto> {
  const { count } = await db.transaction.updateMany({
    where: { id, userId: actor.id },
    data: { statementDate },
  });
  if (count === 0) throw notFoundError("Statement line");
  // A dispute deadline moved into its last week is reminded today.
  await replanToday(actor.id);
  return getTransaction(actor, id);
}

/** A charge flagged on this case, or not found: what a reopen "because of this charge" may cite. */
export async function flaggedChargeOfCase(
  actor: Actor & { timeZone: string },
  caseId: string,
  transactionId: string,
): Promise<TransactionDto> {
  const line = await getTransaction(actor, transactionId);
  if (!line.flagged || line.caseId !== caseId) throw notFoundError("Flagged charge");
  return line;
}
