import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

// The committed PostgreSQL migrations, applied in order to an empty database
// (this file's DATABASE_URL is a copy of the template migrate() made), must
// give exactly prisma/postgres/schema.prisma. Prisma 6.19 cannot say so
// itself here: `migrate diff --from-migrations` needs a shadow database and
// `--from-url` a connection, both refused with a driver adapter
// (../shared/STACK.md). So the schema file goes into a second, empty
// database as the SQL `migrate diff --from-empty` writes for it (how
// scripts/postgres-migration.mjs writes migrations), and the two catalogs
// are compared: columns, constraints, indexes and enums, column order aside
// (a column added by a later migration comes last).
// PostgreSQL only (vitest.config.mts leaves it out of the sqlite project).

const root = path.resolve(import.meta.dirname, "../..");

/** The schema of a database as sorted lines, Prisma's own bookkeeping table left out. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' ||
              udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-') AS line
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'constraint ' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
      `SELECT 'index ' || indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const sql of queries)
      lines.push(...(await client.query<{ line: string }>(sql)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}

describe("the PostgreSQL migrations", () => {
  it("applied in order to an empty database, give exactly prisma/postgres/schema.prisma", async () => {
    const migrated = process.env.DATABASE_URL!;
    const fresh = new URL(`/${new URL(migrated).pathname.slice(1)}_fresh`, migrated).href;
    const admin = new pg.Client({ connectionString: new URL("/postgres", migrated).href });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(fresh).pathname.slice(1)}"`);
    await admin.end();

    const diff = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        path.join(root, "prisma/postgres/schema.prisma"),
        "--script",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: fresh } },
    );
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fresh });
    await client.connect();
    try {
      await client.query(diff.stdout);
    } finally {
      await client.end();
    }

    const [fromMigrations, fromSchema] = [await catalog(migrated), await catalog(fresh)];
    expect(fromMigrations.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  }, 120_000);
});
