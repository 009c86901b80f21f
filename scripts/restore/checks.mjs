import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { RECEIPT_KEY, root } from "../paths.mjs";
import { VOCABULARY } from "./vocabulary.mjs";

// The staged backup, checked before anything is replaced: the database's
// integrity, its schema against this app's migrations, the values the app
// relies on, and each receipt file against its row and the manifest.

/** The schema objects of a database, as comparable lines (Prisma's own table aside). */
function schemaOf(db) {
  return db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    .all()
    .filter((row) => !row.name.startsWith("sqlite_autoindex_") && row.name !== "sqlite_sequence")
    .filter((row) => !(row.type === "table" && row.name === "_prisma_migrations"))
    .map(
      (row) =>
        `${row.type} ${row.name} ON ${row.tbl_name}: ${String(row.sql).replace(/\s+/g, " ")}`,
    );
}

const PRISMA_MIGRATIONS_COLUMNS = [
  "id",
  "checksum",
  "finished_at",
  "migration_name",
  "logs",
  "rolled_back_at",
  "started_at",
  "applied_steps_count",
];

/**
 * The staged database's schema must be exactly what this app's migrations
 * (those the backup says it applied) create: a crafted backup cannot bring a
 * trigger, a view, or any table or index of its own.
 */
function checkSchema(db) {
  const columns = db.prepare("SELECT name FROM pragma_table_info('_prisma_migrations')").all();
  if (columns.map((c) => c.name).join() !== PRISMA_MIGRATIONS_COLUMNS.join()) {
    throw new Error("the database has no migration history of this app");
  }
  const applied = db
    .prepare(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    )
    .all()
    .map((row) => row.name);
  const known = fs
    .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (applied.some((name, i) => name !== known[i])) {
    throw new Error("the database lists migrations this version of CancelCase does not have");
  }
  const expected = new Database(":memory:");
  try {
    for (const name of applied) {
      expected.exec(
        fs.readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql"), "utf8"),
      );
    }
    const want = new Set(schemaOf(expected));
    const got = schemaOf(db);
    const extra = got.filter((line) => !want.has(line));
    const missing = [...want].filter((line) => !got.includes(line));
    if (extra.length || missing.length) {
      throw new Error(
        `the database's schema is not this app's: ${[...extra.map((l) => `unexpected ${l.split(":")[0]}`), ...missing.map((l) => `missing ${l.split(":")[0]}`)].slice(0, 3).join("; ")}`,
      );
    }
  } finally {
    expected.close();
  }
}

/** The values the app relies on: a crafted row must not reach it. */
function checkValues(db) {
  for (const [column, allowed] of Object.entries(VOCABULARY)) {
    const [table, field] = column.split(".");
    const values = allowed.filter((v) => v !== null);
    const nullable = allowed.includes(null);
    const placeholders = values.map(() => "?").join(", ");
    const bad = db
      .prepare(
        `SELECT count(*) AS n FROM "${table}" WHERE ${nullable ? `"${field}" IS NOT NULL AND ` : ""}("${field}" IS NULL OR "${field}" NOT IN (${placeholders}))`,
      )
      .get(...values).n;
    if (bad) throw new Error(`${bad} rows hold a value the app does not know in ${column}`);
  }
  const urls = db
    .prepare(
      "SELECT count(*) AS n FROM Subscription WHERE cancelUrl IS NOT NULL AND NOT (cancelUrl LIKE 'https://%' OR cancelUrl LIKE 'http://%')",
    )
    .get().n;
  if (urls) throw new Error(`${urls} subscriptions hold a cancel URL that is not http(s)`);
}

export function check(staging, hashes, manifest) {
  if (hashes.get("cancelcase.db")?.sha256 !== manifest.database?.sha256) {
    throw new Error("cancelcase.db is missing or does not match the manifest");
  }
  const listed = new Map(manifest.receipts.map((r) => [r.key, r]));
  const files = [...hashes.keys()].filter((name) => name.startsWith("receipts/"));
  if (files.length !== listed.size)
    throw new Error(`the manifest lists ${listed.size} receipts, the backup holds ${files.length}`);

  const db = new Database(path.join(staging, "cancelcase.db"));
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the database fails integrity_check: ${integrity}`);
    const broken = db.pragma("foreign_key_check");
    if (broken.length)
      throw new Error(`the database fails foreign_key_check (${broken.length} rows)`);
    checkSchema(db);
    checkValues(db);
    const rows = db.prepare("SELECT storageKey, sha256, size FROM Receipt").all();
    if (rows.length !== listed.size)
      throw new Error(`the database has ${rows.length} receipts, the backup ${listed.size} files`);
    for (const row of rows) {
      const name = `receipts/${row.storageKey.slice(0, 2)}/${row.storageKey}`;
      const got = hashes.get(name);
      if (!RECEIPT_KEY.test(row.storageKey) || !got)
        throw new Error(`receipt file ${row.storageKey} is missing`);
      if (
        got.sha256 !== row.sha256 ||
        got.size !== row.size ||
        listed.get(row.storageKey)?.sha256 !== row.sha256
      ) {
        throw new Error(`receipt file ${row.storageKey} does not match its row (sha256 or size)`);
      }
    }
    return { receipts: rows.length, users: db.prepare("SELECT count(*) AS n FROM User").get().n };
  } finally {
    db.close();
  }
}
