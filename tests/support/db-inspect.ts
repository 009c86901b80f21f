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
