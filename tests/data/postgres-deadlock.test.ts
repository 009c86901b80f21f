import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { CancelCasePostgres } from "@/lib/db/postgres-adapter";
import { serializable } from "@/lib/db/serializable";
// eslint-disable-next-line no-restricted-imports -- the test needs a client whose connection checks for deadlocks first
import type { PrismaClient as SqliteClient } from "@/lib/generated/prisma/client";
// eslint-disable-next-line no-restricted-imports -- the same
import { PrismaClient } from "@/lib/generated/prisma-postgres/client";

// The data-version triggers (docs/decisions/027-data-version.md) make every
// write lock its user's row after the rows it writes. A lone statement (no
// transaction: a session's lastSeenAt, a reminder's status) can then close a
// deadlock with a transaction that took the user's row first, and PostgreSQL
// cancels one of the two (40P01). A transaction runs again (lib/db/serializable.ts);
// a lone call must too (serializable.ts): it ran in a transaction of its
// own, which was rolled back whole. PostgreSQL only (vitest.config.mts leaves it out of the sqlite project).

const url = process.env.DATABASE_URL!;
// The side whose deadlock_timeout ends first looks for the cycle and cancels
// itself: 2 s for the app's connection, a minute for the other, so the app's
// statement is the one PostgreSQL picks.
const appUrl = `${url}?options=${encodeURIComponent("-c deadlock_timeout=2s")}`;
// Made as lib/db/client.ts makes the app's.
const client = serializable(
  new PrismaClient({ adapter: new CancelCasePostgres(appUrl, 1) }) as unknown as SqliteClient,
);
const other = new pg.Client({ connectionString: url });
const watcher = new pg.Client({ connectionString: url });
afterAll(async () => {
  await client.$disconnect();
  await other.end();
  await watcher.end();
});

/** Resolves once some connection of this database waits for a row lock. */
async function someoneWaitsForALock() {
  for (;;) {
    const { rows } = await watcher.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a lone statement on PostgreSQL", () => {
  it("runs again when PostgreSQL cancels it to break a deadlock", async () => {
    await Promise.all([other.connect(), watcher.connect()]);
    const [userId, sessionId] = [randomUUID(), randomUUID()];
    await other.query(
      `INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt") VALUES ($1, $2, 'x', now())`,
      [userId, `${userId}@example.com`],
    );
    await other.query(`INSERT INTO "Session" ("id", "userId") VALUES ($1, $2)`, [
      sessionId,
      userId,
    ]);
    await other.query("SET deadlock_timeout = '60s'");
    await other.query("BEGIN");
    await other.query(`UPDATE "User" SET "name" = 'holder' WHERE "id" = $1`, [userId]);

    // The app's statement takes the Session row; its trigger then waits for the User row.
    const touched = Promise.resolve(
      client.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date() } }),
    ).then(
      (result) => result,
      (error: unknown) => error,
    );
    await someoneWaitsForALock();
    // The circle closes: the other transaction waits for the Session row.
    await other.query(`UPDATE "Session" SET "userAgent" = 'other' WHERE "id" = $1`, [sessionId]);
    await other.query("COMMIT");

    expect(await touched).toEqual({ count: 1 });
  }, 60_000);
});
