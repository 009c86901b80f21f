import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * How often a transaction that lost a serialization conflict is run again.
 * On a young database most conflicts are false ones: a small table is read
 * by a sequential scan, which PostgreSQL's serializable mode locks as a
 * whole, and a small index has one leaf page, locked as a page; so writers
 * of different users' rows conflict until the tables grow. Ten users writing
 * at once over five connections (tests/data/concurrency.test.ts) needed up
 * to 10 retries, measured once failed commits stopped leaking connections
 * (lib/db/postgres-adapter.ts; before, the lost connections had quietly
 * made the writers take turns).
 */
export const SERIALIZATION_RETRIES = 16;

/**
 * A conflict PostgreSQL resolves by failing one transaction, which may simply
 * run again: a serialization failure (40001, Prisma's P2034) or a deadlock
 * (40P01). Nothing of the failed attempt was written.
 */
export function isSerializationConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, originalCode, kind } = current as Record<string, unknown>;
    if (code === "P2034" || kind === "TransactionWriteConflict") return true;
    if (originalCode === "40001" || originalCode === "40P01" || code === "40P01") return true;
    const next = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = next.meta?.driverAdapterError ?? next.cause;
  }
  return false;
}

// A random pause, growing to at most 1 s, so that the losers of one conflict
// do not meet again at once (with a 200 ms cap, twelve retries ran out).
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 5 * 2 ** attempt)));

// Prisma's defaults (2 s to get a connection, 5 s to finish) are for a lone
// transaction; many writers of one case queue for a pool of 5 connections,
// as they queue for SQLite's write lock (busy_timeout 5 s there).
const QUEUED = { maxWait: 10_000, timeout: 15_000 };

/**
 * The client with every transaction SERIALIZABLE, run again on a conflict.
 * On SQLite a transaction takes the one write lock when it begins (BEGIN
 * IMMEDIATE), so a read-then-write rule (a limit counted before the work, the
 * receipt count behind the proof rule, a version check, a reset link used
 * once) sees no other writer between its read and its write. PostgreSQL's
 * SERIALIZABLE gives the same guarantee by failing one of two transactions
 * that would break it; the loser runs again and then sees the winner's rows
 * (docs/decisions/019-postgresql-beside-sqlite.md).
 */
export function serializable(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (
    work: unknown,
    options?: Record<string, unknown>,
  ) => Promise<unknown>;
  const run = async (work: unknown, options?: Record<string, unknown>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        // An interactive transaction (a function) waits as queued; a batch (an array) has no such options.
        const waits = typeof work === "function" ? QUEUED : {};
        return await transaction(work, { ...waits, ...options, isolationLevel: "Serializable" });
      } catch (error) {
        if (attempt >= SERIALIZATION_RETRIES || !isSerializationConflict(error)) throw error;
        await pause(attempt);
      }
    }
  };
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "$transaction") return run;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (!wrapped.has(property)) wrapped.set(property, retryingLoneCalls(target, property, value));
      return wrapped.get(property) ?? value;
    },
  });
}

/** How often a lone call (no transaction around it) that lost a conflict runs again. */
export const LONE_CALL_RETRIES = 3;

const RAW_CALLS = new Set<PropertyKey>([
  "$executeRaw",
  "$executeRawUnsafe",
  "$queryRaw",
  "$queryRawUnsafe",
]);

/**
 * A model's calls (db.note.updateMany…) and the raw ones, run again when
 * PostgreSQL cancelled them to break a deadlock (40P01). The data-version
 * triggers (docs/decisions/027-data-version.md) lock the user's row after the
 * rows a statement writes, so a lone write (a session's lastSeenAt, a
 * reminder's status) can close a cycle with a transaction that locked the
 * user's row first, and PostgreSQL cancels one of the two. A lone call runs
 * in a transaction of its own (Prisma's, or the statement's), rolled back
 * whole, so it may run again. Calls inside $transaction are the transaction
 * client's, not these: the whole transaction runs again (above). Undefined:
 * nothing to wrap.
 */
function retryingLoneCalls(client: object, property: PropertyKey, value: unknown): unknown {
  const again =
    (call: (...args: unknown[]) => unknown, self: unknown) =>
    async (...args: unknown[]) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call.apply(self, args);
        } catch (error) {
          if (attempt >= LONE_CALL_RETRIES || !isSerializationConflict(error)) throw error;
          await pause(attempt);
        }
      }
    };
  if (RAW_CALLS.has(property) && typeof value === "function") {
    return again(value as (...args: unknown[]) => unknown, client);
  }
  const isModel =
    typeof property === "string" &&
    !property.startsWith("$") &&
    typeof value === "object" &&
    value !== null &&
    typeof (value as { findMany?: unknown }).findMany === "function";
  if (!isModel) return undefined;
  const calls = new Map<PropertyKey, unknown>();
  return new Proxy(value, {
    get(model, name, receiver) {
      const call = Reflect.get(model, name, receiver) as unknown;
      if (typeof call !== "function") return call;
      if (!calls.has(name)) calls.set(name, again(call as (...args: unknown[]) => unknown, model));
      return calls.get(name);
    },
  });
}
