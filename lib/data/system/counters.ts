import "server-only";
import { db } from "@/lib/db/client";

// The SharedCounter rows behind lib/shared-counters (throttles and slots),
// every user's at once (hence lib/data/system/). Each change is ONE statement
// (an INSERT … ON CONFLICT DO UPDATE … RETURNING), so two processes or two
// instances counting the same key at once both count: neither reads a value
// the other is about to overwrite, and SQLite needs no transaction (a
// deferred BEGIN across processes fails with SQLITE_BUSY_SNAPSHOT, STACK.md).
// The SQL is the subset SQLite (3.35+) and PostgreSQL share; times are epoch
// milliseconds in a BIGINT, so no date format differs between the two.

export type CounterRow = { points: number; expiresAt: number };

type RawRow = { points: number | bigint; expiresAt: number | bigint };

const toRow = (row: RawRow): CounterRow => ({
  points: Number(row.points),
  expiresAt: Number(row.expiresAt),
});

/**
 * Adds `points` (negative to give back) to `key`'s window and returns the
 * row as it is after: a missing or expired window starts again with
 * `points`, ending `durationMs` from `now`.
 */
export async function addToCounter(
  key: string,
  points: number,
  durationMs: number,
  now: number,
): Promise<CounterRow> {
  const nowMs = BigInt(now);
  const expiresAt = BigInt(now + durationMs);
  const [row] = await db.$queryRaw<RawRow[]>`
    INSERT INTO "SharedCounter" ("key", "points", "expiresAt")
    VALUES (${key}, ${points}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "SharedCounter"."expiresAt" <= ${nowMs}
        THEN excluded."points" ELSE "SharedCounter"."points" + excluded."points" END,
      "expiresAt" = CASE WHEN "SharedCounter"."expiresAt" <= ${nowMs}
        THEN excluded."expiresAt" ELSE "SharedCounter"."expiresAt" END
    RETURNING "points", "expiresAt"`;
  if (!row) throw new Error(`the counter ${key} was not written`);
  return toRow(row);
}

/** Sets `key` to `points` in a new window, whatever it held (rate-limiter-flexible's block). */
export async function setCounter(
  key: string,
  points: number,
  durationMs: number,
  now: number,
): Promise<CounterRow> {
  const expiresAt = BigInt(now + durationMs);
  const [row] = await db.$queryRaw<RawRow[]>`
    INSERT INTO "SharedCounter" ("key", "points", "expiresAt")
    VALUES (${key}, ${points}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = excluded."points", "expiresAt" = excluded."expiresAt"
    RETURNING "points", "expiresAt"`;
  if (!row) throw new Error(`the counter ${key} was not written`);
  return toRow(row);
}

/** `key`'s window, or null when it has none running. */
export async function readCounter(key: string, now: number): Promise<CounterRow | null> {
  const row = await db.sharedCounter.findFirst({
    where: { key, expiresAt: { gt: BigInt(now) } },
    select: { points: true, expiresAt: true },
  });
  return row ? toRow(row) : null;
}

/** Ends `key`'s window; whether there was one. */
export async function deleteCounter(key: string): Promise<boolean> {
  const { count } = await db.sharedCounter.deleteMany({ where: { key } });
  return count > 0;
}

/**
 * Deletes up to `limit` windows that ended before `now`, oldest first, and
 * says how many (bounded: one pass never holds the table for long).
 */
export async function deleteExpiredCounters(now: number, limit: number): Promise<number> {
  const expired = await db.sharedCounter.findMany({
    where: { expiresAt: { lte: BigInt(now) } },
    orderBy: { expiresAt: "asc" },
    take: limit,
    select: { key: true },
  });
  if (expired.length === 0) return 0;
  // The condition again: a key counted anew since the read keeps its window.
  const { count } = await db.sharedCounter.deleteMany({
    where: { key: { in: expired.map((row) => row.key) }, expiresAt: { lte: BigInt(now) } },
  });
  return count;
}
