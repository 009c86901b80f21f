import Database from "better-sqlite3";
import { databaseFile } from "@/lib/config";

// Tests look at the raw rows the app must never show: hashes at rest. A
// separate read-only connection, so the app's data layer stays the only
// writer and keeps no test-only functions.
function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export async function readPasswordHashForTests(userId: string): Promise<string> {
  return withDb(
    (db) =>
      (
        db.prepare("SELECT passwordHash FROM User WHERE id = ?").get(userId) as {
          passwordHash: string;
        }
      ).passwordHash,
  );
}

export async function readTokenRowsForTests(userId: string): Promise<Record<string, unknown>[]> {
  return withDb(
    (db) =>
      db.prepare("SELECT * FROM ApiToken WHERE userId = ?").all(userId) as Record<
        string,
        unknown
      >[],
  );
}

/** Where each of a user's receipts is stored: the key never leaves the data layer. */
export async function readStorageKeysForTests(userId: string): Promise<string[]> {
  return withDb((db) =>
    (
      db.prepare("SELECT storageKey FROM Receipt WHERE userId = ?").all(userId) as {
        storageKey: string;
      }[]
    ).map((row) => row.storageKey),
  );
}

/** What is stored for a user's calendar feed: the hash, never the token. */
export async function readCalendarFeedHashesForTests(userId: string): Promise<string[]> {
  return withDb((db) =>
    (
      db.prepare("SELECT tokenHash FROM CalendarFeed WHERE userId = ?").all(userId) as {
        tokenHash: string;
      }[]
    ).map((row) => row.tokenHash),
  );
}

/** How many password-reset rows a user has (pruning removes old ones). */
export async function countPasswordResetsForTests(userId: string): Promise<number> {
  return withDb(
    (db) =>
      (
        db.prepare("SELECT COUNT(*) AS n FROM PasswordReset WHERE userId = ?").get(userId) as {
          n: number;
        }
      ).n,
  );
}

/** What another server's connection sees of a user's reminders (committed rows only). */
export function countNotificationsForTests(userId: string): number {
  return withDb(
    (db) =>
      (
        db.prepare("SELECT count(*) AS n FROM Notification WHERE userId = ?").get(userId) as {
          n: number;
        }
      ).n,
  );
}

/**
 * Runs `look` right after each statement whose SQL matches, on any
 * connection of this process: a deterministic way to see what another
 * process could see between two of the app's writes.
 */
export function afterEachStatement(sql: RegExp, look: () => void) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    const probe = new Database(":memory:");
    const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<
      "run" | "all" | "get",
      (...args: unknown[]) => unknown
    >;
    probe.close();
    const originals = { run: Statement.run, all: Statement.all, get: Statement.get };
    for (const method of ["run", "all", "get"] as const) {
      Statement[method] = function (this: Database.Statement, ...args: unknown[]) {
        const result = originals[method].apply(this, args);
        if (sql.test(this.source)) look();
        return result;
      };
    }
    try {
      return await work();
    } finally {
      Object.assign(Statement, originals);
    }
  };
}
