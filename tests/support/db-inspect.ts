import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile, databaseUrl, usesPostgres } from "@/lib/config";

// Tests look at the raw rows the app must never show: hashes at rest. A
// separate connection, so the app's data layer stays the only writer and
// keeps no test-only functions. SQL is written for PostgreSQL ($1, quoted
// names); SQLite reads the same with ? for $n.
async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  if (usesPostgres()) {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(databaseFile(), { readonly: true });
  try {
    return db.prepare(sql.replace(/\$\d+/g, "?")).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function readPasswordHashForTests(userId: string): Promise<string> {
  const [row] = await rows<{ passwordHash: string }>(
    'SELECT "passwordHash" FROM "User" WHERE "id" = $1',
    userId,
  );
  return row!.passwordHash;
}

export async function readTokenRowsForTests(userId: string): Promise<Record<string, unknown>[]> {
  return rows('SELECT * FROM "ApiToken" WHERE "userId" = $1', userId);
}

/** Where each of a user's receipts is stored: the key never leaves the data layer. */
export async function readStorageKeysForTests(userId: string): Promise<string[]> {
  return (
    await rows<{ storageKey: string }>(
      'SELECT "storageKey" FROM "Receipt" WHERE "userId" = $1',
      userId,
    )
  ).map((row) => row.storageKey);
}

/** What is stored for a user's calendar feed: the hash, never the token. */
export async function readCalendarFeedHashesForTests(userId: string): Promise<string[]> {
  return (
    await rows<{ tokenHash: string }>(
      'SELECT "tokenHash" FROM "CalendarFeed" WHERE "userId" = $1',
      userId,
    )
  ).map((row) => row.tokenHash);
}

/** How many password-reset rows a user has (pruning removes old ones). */
export async function countPasswordResetsForTests(userId: string): Promise<number> {
  const [row] = await rows<{ n: number | string }>(
    'SELECT COUNT(*) AS "n" FROM "PasswordReset" WHERE "userId" = $1',
    userId,
  );
  return Number(row!.n);
}

/** How many WebAuthn challenge rows exist, every user and purpose together. */
export async function countChallengeRowsForTests(): Promise<number> {
  const [row] = await rows<{ n: number | string }>(
    'SELECT COUNT(*) AS "n" FROM "WebAuthnChallenge"',
  );
  return Number(row!.n);
}

/** Opens the SQLite file read-only (the helpers below are SQLite's: statement hooks). */
function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * What another server's connection sees of a user's reminders (committed
 * rows only). On SQLite the count is taken at once (a statement hook below
 * cannot wait); on PostgreSQL it is a query on a connection of its own.
 */
export function countNotificationsForTests(userId: string): number | Promise<number> {
  if (usesPostgres()) {
    return rows<{ n: string }>(
      'SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = $1',
      userId,
    ).then(([row]) => Number(row!.n));
  }
  return withDb(
    (db) =>
      (
        db.prepare('SELECT count(*) AS n FROM "Notification" WHERE "userId" = ?').get(userId) as {
          n: number;
        }
      ).n,
  );
}

/**
 * Runs `look` right after each statement whose SQL matches, on any
 * connection of this process: a deterministic way to see what another
 * process could see between two of the app's writes. On PostgreSQL the
 * statement's result waits for `look`, so the app's transaction is still
 * open while it looks.
 */
export function afterEachStatement(sql: RegExp, look: () => unknown) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (usesPostgres()) return afterEachPostgresStatement(sql, look, work);
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

async function afterEachPostgresStatement<T>(
  sql: RegExp,
  look: () => unknown,
  work: () => Promise<T>,
): Promise<T> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = original.apply(this, args);
    const config = args[0] as string | { text?: string };
    const text = typeof config === "string" ? config : (config?.text ?? "");
    if (!(result instanceof Promise) || !sql.test(text)) return result;
    return result.then(async (value: unknown) => {
      await look();
      return value;
    });
  };
  try {
    return await work();
  } finally {
    prototype.query = original;
  }
}

/** A channel's stored row as it is at rest (decision 026: secrets sealed, targets masked). */
export async function readChannelRowForTests(
  id: string,
): Promise<{ target: string; secretSealed: string | null }> {
  const [row] = await rows<{ target: string; secretSealed: string | null }>(
    'SELECT "target", "secretSealed" FROM "Channel" WHERE "id" = $1',
    id,
  );
  if (!row) throw new Error(`no channel ${id}`);
  return row;
}

/** A user's data version as stored (docs/decisions/027-data-version.md); null: no such user. */
export async function readDataVersionForTests(userId: string): Promise<number | null> {
  const [row] = await rows<{ dataVersion: number | string }>(
    'SELECT "dataVersion" FROM "User" WHERE "id" = $1',
    userId,
  );
  return row ? Number(row.dataVersion) : null;
}

/** Every trigger the database has, with its table (the data-version triggers among them). */
export async function listTriggersForTests(): Promise<{ table: string; name: string }[]> {
  if (usesPostgres()) {
    // Internal triggers are the foreign keys' own; a disabled trigger counts as missing.
    return rows(
      `SELECT c.relname AS "table", t.tgname AS "name" FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'`,
    );
  }
  return rows(`SELECT tbl_name AS "table", name FROM sqlite_master WHERE type = 'trigger'`);
}
