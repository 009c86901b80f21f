import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { CancelCasePostgres } from "@/lib/db/postgres-adapter";
import { isSerializationConflict } from "@/lib/db/serializable";
// eslint-disable-next-line no-restricted-imports -- the test needs a client with a pool of one connection
import { PrismaClient } from "@/lib/generated/prisma-postgres/client";

// A transaction whose COMMIT PostgreSQL refuses must give its connection back
// to the pool (lib/db/postgres-adapter.ts says why Prisma 6.19 alone does
// not). The client here has a pool of ONE connection: were the loser's
// connection lost, the next query would wait for it forever (the check gives
// up after 10 s and says so instead of hanging the suite).
// PostgreSQL only (vitest.config.mts leaves it out of the sqlite project).

const url = process.env.DATABASE_URL!;
const client = new PrismaClient({ adapter: new CancelCasePostgres(url, 1) });
const other = new pg.Client({ connectionString: url });
afterAll(async () => {
  await client.$disconnect();
  await other.end();
});

/** A promise and the function that settles it: one step of the two transactions' dance. */
function step() {
  let done!: () => void;
  const reached = new Promise<void>((resolve) => (done = resolve));
  return { reached, done };
}

/**
 * Write skew under SERIALIZABLE, in an order that leaves the conflict to the
 * COMMIT: both transactions count the rows under a prefix, both insert one,
 * the other side commits first, and then this client's COMMIT is the one
 * PostgreSQL cancels ("identification as a pivot, during commit attempt").
 */
async function loseAtCommit(prefix: string) {
  const bothCounted = step();
  const otherInserted = step();
  const oursInserted = step();
  const otherCommitted = step();
  let workDone = false;
  await other.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
  const ours = client.$transaction(
    async (tx) => {
      await tx.sharedCounter.count({ where: { key: { startsWith: prefix } } });
      bothCounted.done();
      await otherInserted.reached;
      await tx.sharedCounter.create({ data: { key: `${prefix}ours`, points: 1, expiresAt: 0n } });
      oursInserted.done();
      await otherCommitted.reached;
      workDone = true;
    },
    { isolationLevel: "Serializable" },
  );
  // Every statement of ours ran: an error now is the COMMIT's.
  const failure = ours.then(
    () => ({ error: null, atCommit: false }),
    (error: unknown) => ({ error, atCommit: workDone }),
  );
  await other.query(`SELECT count(*) FROM "SharedCounter" WHERE key LIKE $1`, [`${prefix}%`]);
  await bothCounted.reached;
  await other.query(`INSERT INTO "SharedCounter" (key, points, "expiresAt") VALUES ($1, 1, 0)`, [
    `${prefix}theirs`,
  ]);
  otherInserted.done();
  await oursInserted.reached;
  await other.query("COMMIT");
  otherCommitted.done();
  return failure;
}

async function answersWithin(ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"pool exhausted">((resolve) => {
    timer = setTimeout(() => resolve("pool exhausted"), ms);
  });
  try {
    return await Promise.race([
      client.$queryRaw<{ one: number }[]>`SELECT 1 AS one`.then((rows) => Number(rows[0]?.one)),
      gaveUp,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a COMMIT that PostgreSQL refuses", () => {
  it("gives its connection back to the pool, every time", async () => {
    await other.connect();
    for (let round = 0; round < 3; round++) {
      const { error, atCommit } = await loseAtCommit(`commit-failure-${round}-`);
      // The conflict was found at the COMMIT, the case this guards.
      expect(isSerializationConflict(error), String(error)).toBe(true);
      expect(atCommit).toBe(true);
      // Nothing of the loser was written; the winner's row is there.
      const keys = await other.query<{ key: string }>(
        `SELECT key FROM "SharedCounter" WHERE key LIKE $1 ORDER BY key`,
        [`commit-failure-${round}-%`],
      );
      expect(keys.rows.map((row) => row.key)).toEqual([`commit-failure-${round}-theirs`]);
      // And the pool's one connection serves the next query.
      expect(await answersWithin(10_000)).toBe(1);
    }
  });
});
