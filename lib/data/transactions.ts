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
import { notFoundError } from "./errors";
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
  /** When the statement holding the line was imported. */
  importedAt: Date;
};

/** A subscription's cancellation as the flag rule sees it. */
export type ChargeWatch = {
  caseId: string;
  subscriptionId: string;
  /** The day the provider first confirmed the cancellation (user's zone): it stays the cut-off after a reopen. */
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
  // The confirmations themselves, each with its case: two statements however
  // many cases there are (a nested `events: { take: 1 }` is one per case).
  const confirmations = await db.caseEvent.findMany({
    where: {
      userId: actor.id,
      to: "confirmation_received",
      ...(subscriptionIds ? { case: { subscriptionId: { in: subscriptionIds } } } : {}),
    },
    orderBy: [{ caseId: "asc" }, { seq: "asc" }],
    take: CONFIRMATIONS_READ,
    select: {
      caseId: true,
      at: true,
      case: { select: { subscriptionId: true, expectedFinalBill: true } },
    },
  });
  const cases: {
    id: string;
    subscriptionId: string;
    expectedFinalBill: number | null;
    at: Date;
  }[] = [];
  for (const event of confirmations) {
    // The first confirmation of each case (they come in case, then seq, order).
    if (cases.at(-1)?.id === event.caseId) continue;
    cases.push({ id: event.caseId, ...event.case, at: event.at });
  }
  const watches = new Map<string, ChargeWatch>();
  for (const kase of cases) {
    const confirmedOn = todayIn(actor.timeZone, kase.at);
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

type TransactionRow = Omit<
  TransactionDto,
  "kind" | "flagged" | "caseId" | "disputeBy" | "importedAt"
> & {
  createdAt: Date;
};

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
async function linesAfter(
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

function toDto(
  row: TransactionRow,
  kind: ChargeKind | null,
  watch: ChargeWatch | undefined,
): TransactionDto {
  const flagged = kind === "after";
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
    kind,
    flagged,
    caseId: watch?.caseId ?? null,
    disputeBy: flagged && row.statementDate ? disputeBy(row.statementDate) : null,
    importedAt: row.createdAt,
  };
}

/** The flagged lines: charges after a confirmed cancellation, newest first. */
export async function flaggedCharges(
  actor: Actor & { timeZone: string },
  subscriptionIds?: string[],
): Promise<TransactionDto[]> {
  const watches = await chargeWatches(actor, subscriptionIds);
  return (await linesAfter(actor, watches))
    .filter((line) => line.kind === "after")
    .map((line) => toDto(line, line.kind, watches.get(line.subscriptionId!)))
    .sort((a, b) => b.postedOn.localeCompare(a.postedOn) || b.id.localeCompare(a.id));
}

/**
 * A user's statement lines, newest first (?subscriptionId= for one
 * subscription's), each with what it is to its subscription's confirmed
 * case. `flagged`: only the charges after a confirmed cancellation.
 */
export async function listTransactions(
  actor: Actor & { timeZone: string },
  query: { limit: number; cursor?: string; subscriptionId?: string; flagged?: boolean },
): Promise<Page<TransactionDto>> {
  const cursor = query.cursor ? decodeLineCursor(query.cursor) : null;
  const only = query.subscriptionId ? [query.subscriptionId] : undefined;
  if (query.flagged) {
    const flagged = (await flaggedCharges(actor, only)).filter(
      (line) =>
        !cursor ||
        line.postedOn < cursor.postedOn ||
        (line.postedOn === cursor.postedOn && line.id < cursor.id),
    );
    return linePage(flagged.slice(0, query.limit + 1), query.limit);
  }
  const rows = await db.transaction.findMany({
    where: {
      userId: actor.id,
      ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
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
  const items = rows.map((row) => {
    const watch = row.subscriptionId ? watches.get(row.subscriptionId) : undefined;
    if (!watch) return toDto(row, null, undefined);
    // A line later than the bounded read is taken for a charge after the cancellation.
    const kind =
      after.get(row.id) ??
      classifyCharges([row], { confirmedOn: watch.confirmedOn, expectedFinalBill: null })[0]!.kind;
    return toDto(row, kind, watch);
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
  if (!watch) return toDto(row, null, undefined);
  const after = await linesAfter(actor, watches);
  const kind =
    after.find((line) => line.id === row.id)?.kind ??
    classifyCharges([row], { confirmedOn: watch.confirmedOn, expectedFinalBill: null })[0]!.kind;
  return toDto(row, kind, watch);
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
