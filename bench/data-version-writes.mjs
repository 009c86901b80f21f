// What the data-version triggers (docs/decisions/027-data-version.md) cost a
// write: notes inserted per second into a migrated database with its
// triggers, and into the same database with them dropped, in alternating
// rounds (the machine is shared; alternating keeps the noise fair).
//
//   node bench/data-version-writes.mjs [--rows 2000] [--rounds 3] [--no-postgres]
//
// Three shapes per engine: one note per statement in autocommit (what a
// request does; SQLite's synchronous=FULL makes each one an fsync), the same
// inside one transaction (the trigger's CPU alone, no fsync to hide it), and
// one statement of many rows (createMany; PostgreSQL's triggers run once per
// statement). Raw drivers, so Prisma's own cost per call (about 0.4 ms,
// ../shared/STACK.md) does not dilute the difference.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "../scripts/migrate.mjs";
import { startCluster } from "../scripts/postgres-cluster.mjs";
import { dataVersionTriggersSql, userOwnedModels } from "../scripts/data-version-triggers.mjs";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    "no-postgres": { type: "boolean", default: false },
  },
});
const ROWS = Number(values.rows);
const ROUNDS = Number(values.rounds);
const schema = fs.readFileSync(path.join(import.meta.dirname, "../prisma/schema.prisma"), "utf8");
const TABLES = [...userOwnedModels(schema), "User"];

const USER = "bench-user";
const CASE = "bench-case";
const SEED = [
  `INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt") VALUES ('${USER}', 'bench@example.com', 'x', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Subscription" ("id", "userId", "provider", "category", "amount", "currency", "billingCycle", "updatedAt") VALUES ('bench-sub', '${USER}', 'Visible', 'mobile', 2500, 'USD', 'monthly', CURRENT_TIMESTAMP)`,
  `INSERT INTO "CancellationCase" ("id", "userId", "subscriptionId", "reason", "openedOn", "updatedAt") VALUES ('${CASE}', '${USER}', 'bench-sub', 'cost', '2026-12-06', CURRENT_TIMESTAMP)`,
];
const NOTE_COLUMNS = `("id", "userId", "caseId", "channel", "occurredAt", "summary", "updatedAt")`;

/** Rows per second of `work(rows)`, which inserts that many notes. */
async function rate(work) {
  const started = process.hrtime.bigint();
  await work(ROWS);
  return ROWS / (Number(process.hrtime.bigint() - started) / 1e9);
}

function sqliteDatabase(dir, withTriggers) {
  const file = path.join(dir, `${withTriggers ? "with" : "without"}.db`);
  migrate(`file:${file}`);
  const db = new Database(file);
  for (const pragma of ["journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"])
    db.pragma(pragma);
  if (!withTriggers) db.exec(dataVersionTriggersSql("sqlite", TABLES, true));
  for (const sql of SEED) db.exec(sql);
  const insert = db.prepare(
    `INSERT INTO "Note" ${NOTE_COLUMNS} VALUES (?, '${USER}', '${CASE}', 'phone', ?, 'a call', ?)`,
  );
  const one = () => insert.run(randomUUID(), Date.now(), Date.now());
  return {
    autocommit: (n) => {
      for (let i = 0; i < n; i++) one();
    },
    transaction: (n) =>
      db.transaction(() => {
        for (let i = 0; i < n; i++) one();
      })(),
    // SQLite has no statement triggers: a multi-row insert fires one per row.
    manyRows: (n) => {
      const values = Array.from(
        { length: n },
        () => `(?, '${USER}', '${CASE}', 'phone', ?, 'a call', ?)`,
      );
      const params = Array.from({ length: n }, () => [randomUUID(), Date.now(), Date.now()]).flat();
      for (let i = 0; i < n; i += 300) {
        const slice = values.slice(i, i + 300);
        db.prepare(`INSERT INTO "Note" ${NOTE_COLUMNS} VALUES ${slice.join(", ")}`).run(
          ...params.slice(i * 3, (i + slice.length) * 3),
        );
      }
    },
    close: () => db.close(),
  };
}

async function postgresDatabase(cluster, withTriggers) {
  const name = `bench_${withTriggers ? "with" : "without"}`;
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  migrate(cluster.url(name));
  const client = new pg.Client({ connectionString: cluster.url(name) });
  await client.connect();
  if (!withTriggers) await client.query(dataVersionTriggersSql("postgres", TABLES, true));
  for (const sql of SEED) await client.query(sql.replaceAll("CURRENT_TIMESTAMP", "now()"));
  const sql = `INSERT INTO "Note" ${NOTE_COLUMNS} VALUES ($1, '${USER}', '${CASE}', 'phone', now(), 'a call', now())`;
  const one = () => client.query({ name: "note", text: sql, values: [randomUUID()] });
  return {
    autocommit: async (n) => {
      for (let i = 0; i < n; i++) await one();
    },
    transaction: async (n) => {
      await client.query("BEGIN");
      for (let i = 0; i < n; i++) await one();
      await client.query("COMMIT");
    },
    manyRows: async (n) => {
      const ids = Array.from({ length: n }, () => randomUUID());
      await client.query(
        `INSERT INTO "Note" ${NOTE_COLUMNS} SELECT id, '${USER}', '${CASE}', 'phone', now(), 'a call', now() FROM unnest($1::text[]) AS id`,
        [ids],
      );
    },
    close: () => client.end(),
  };
}

/** Alternating rounds; the median of each shape, with and without triggers. */
async function measure(engine, open) {
  const databases = { with: await open(true), without: await open(false) };
  const results = {};
  for (const shape of ["autocommit", "transaction", "manyRows"]) {
    const seen = { with: [], without: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? ["without", "with"] : ["with", "without"]) {
        seen[side].push(await rate((n) => databases[side][shape](n)));
      }
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    results[shape] = { with: median(seen.with), without: median(seen.without) };
  }
  for (const db of Object.values(databases)) await db.close();
  console.log(`\n${engine}, ${ROWS} notes a round, median of ${ROUNDS} rounds (rows/s):`);
  console.log("| shape | without triggers | with triggers | change |");
  console.log("|---|---:|---:|---:|");
  for (const [shape, { with: w, without: wo }] of Object.entries(results)) {
    const change = ((w / wo - 1) * 100).toFixed(1);
    console.log(`| ${shape} | ${Math.round(wo)} | ${Math.round(w)} | ${change} % |`);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-dv-bench-"));
try {
  await measure("SQLite", async (withTriggers) => sqliteDatabase(dir, withTriggers));
  if (!values["no-postgres"]) {
    const cluster = await startCluster();
    try {
      await measure("PostgreSQL", (withTriggers) => postgresDatabase(cluster, withTriggers));
    } finally {
      cluster.stop();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
