import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { transactionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { StatementFormat } from "@/lib/domain/statements";
import { limitReachedError, notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
import type { Actor } from "./users";
import { replanToday } from "./notification-settings";

// Writing a statement in: the import's row, its lines in batches (each line
// once, by its dedupe key), and the imports a user has made. Reading the
// lines, matched and flagged, is ./transactions.ts.

export type ImportMeta = {
  account: string;
  format: StatementFormat;
  fileName: string;
  issuer: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  statementDate: string | null;
};

export type NewLine = {
  postedOn: string;
  description: string;
  amount: number;
  currency: string;
  /** The line's identity (lib/domain/statements DedupeKeys), hashed before it is stored. */
  key: string;
  /** The identity an OFX line had before 2026-12 (its FITID alone), matched with its date and amount. */
  legacyKey?: string;
};

/** Refuses an import that would take the user past the limit, before a row is read or written. */
export async function assertRoomForLines(actor: Actor, incoming: number): Promise<void> {
  const limit = transactionsPerUserLimit();
  const count = await db.transaction.count({ where: { userId: actor.id } });
  if (count + incoming > limit) {
    throw limitReachedError(
      "transactions",
      limit,
      `You already keep ${count} statement lines; at most ${limit} fit in one account.`,
    );
  }
}

/**
 * Imports one account may keep. Each is a small row, but an import of a file
 * already imported adds one and no line, so lines alone do not bound them: a
 * statement a month from ten accounts over ten years is 1,200.
 */
export const STATEMENT_IMPORTS_PER_USER = 2_000;

/** Refuses another import when the user keeps the most, before the file is read. */
export async function assertRoomForImport(actor: Actor): Promise<void> {
  const count = await db.statementImport.count({ where: { userId: actor.id } });
  if (count >= STATEMENT_IMPORTS_PER_USER) {
    throw limitReachedError(
      "imports",
      STATEMENT_IMPORTS_PER_USER,
      `You already keep ${count} statement imports; at most ${STATEMENT_IMPORTS_PER_USER} fit in one account.`,
    );
  }
}

/** How many more statement lines the user may keep (the limit less what is kept). */
export async function roomForLines(actor: Actor): Promise<number> {
  const count = await db.transaction.count({ where: { userId: actor.id } });
  return Math.max(0, transactionsPerUserLimit() - count);
}

export async function createImport(actor: Actor, meta: ImportMeta): Promise<string> {
  const row = await db.statementImport.create({
    data: { userId: actor.id, ...meta, lines: 0, added: 0, duplicates: 0 },
    select: { id: true },
  });
  return row.id;
}

/** An id like Prisma's cuid: a letter, the time in base 36 (so ids sort by creation), then randomness. */
function lineId(): string {
  return `c${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("base64url");

/**
 * Stores one batch of an import: lines already kept (by an earlier,
 * overlapping import) are counted as duplicates and left alone. One
 * transaction per batch, so a concurrent import of the same file cannot
 * store a line twice.
 */
export async function insertLines(
  actor: Actor,
  importId: string,
  meta: Pick<ImportMeta, "account" | "statementDate">,
  lines: (NewLine & { subscriptionId: string | null })[],
): Promise<{ added: number; duplicates: number }> {
  const keyed = lines.map((line) => ({
    ...line,
    dedupeKey: hashKey(line.key),
    legacy: line.legacyKey ? hashKey(line.legacyKey) : null,
  }));
  return db.$transaction(async (tx) => {
    const legacyKeys = keyed.flatMap((l) => (l.legacy ? [l.legacy] : []));
    const existing = await tx.transaction.findMany({
      where: {
        userId: actor.id,
        dedupeKey: { in: [...keyed.map((l) => l.dedupeKey), ...legacyKeys] },
      },
      select: { dedupeKey: true, postedOn: true, amount: true },
    });
    const known = new Map(existing.map((row) => [row.dedupeKey, row]));
    // A line stored under its FITID alone is this line only with the same date and amount.
    const sameOld = (line: (typeof keyed)[number]) => {
      const old = line.legacy ? known.get(line.legacy) : undefined;
      if (!old || old.postedOn !== line.postedOn || old.amount !== line.amount) return false;
      known.delete(line.legacy!); // one old line stands for one line of the file
      return true;
    };
    const fresh = keyed.filter((line) => !known.has(line.dedupeKey) && !sameOld(line));
    if (fresh.length) {
      // One multi-row INSERT: Prisma's createMany took 0.3–0.9 ms a row here
      // (measured, bench:dispute); written the way Prisma writes these columns.
      const createdAt = new Date().toISOString().replace("Z", "+00:00");
      await tx.$executeRaw`INSERT INTO "Transaction" ("id", "userId", "importId", "account", "postedOn", "description", "amount", "currency", "dedupeKey", "statementDate", "subscriptionId", "createdAt") VALUES ${Prisma.join(
        fresh.map(
          (line) =>
            Prisma.sql`(${lineId()}, ${actor.id}, ${importId}, ${meta.account}, ${line.postedOn}, ${line.description}, ${line.amount}, ${line.currency}, ${line.dedupeKey}, ${meta.statementDate}, ${line.subscriptionId}, ${createdAt})`,
        ),
      )}`;
    }
    return { added: fresh.length, duplicates: keyed.length - fresh.length };
  });
}

export async function finishImport(
  importId: string,
  counts: { lines: number; added: number; duplicates: number },
): Promise<void> {
  const { userId } = await db.statementImport.update({
    where: { id: importId },
    data: counts,
    select: { userId: true },
  });
  // A charge found after a confirmed cancellation is reminded today, not tomorrow.
  if (counts.added > 0) await replanToday(userId);
}

export type ImportDto = {
  id: string;
  account: string;
  format: string;
  fileName: string;
  issuer: string | null;
  lines: number;
  added: number;
  duplicates: number;
  periodStart: string | null;
  periodEnd: string | null;
  statementDate: string | null;
  createdAt: Date;
};

export async function getImport(actor: Actor, id: string): Promise<ImportDto> {
  const row = await db.statementImport.findFirst({
    where: { id, userId: actor.id },
    omit: { userId: true },
  });
  if (!row) throw notFoundError("Import");
  return row;
}

export async function listImports(
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<ImportDto>> {
  const rows = await db.statementImport.findMany({
    where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    omit: { userId: true },
  });
  return toPage(rows, query.limit, (row) => row.createdAt);
}

/** An import and every line it added. */
export async function deleteImport(actor: Actor, id: string): Promise<void> {
  const { count } = await db.statementImport.deleteMany({ where: { id, userId: actor.id } });
  if (count === 0) throw notFoundError("Import");
}
