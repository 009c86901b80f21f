import { loadEnvConfig } from "@next/env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl, usesPostgres } from "./lib/config";
import { MigrationPostgres } from "./lib/db/postgres-adapter";
import { MigrationSqlite } from "./lib/db/sqlite-adapter";

// With a config file the Prisma CLI skips .env; Next.js reads it. Load it the
// same way so both talk to the same database.
loadEnvConfig(process.cwd());

// DATABASE_URL picks the provider: each has its own schema (the PostgreSQL
// one generated from the SQLite one, scripts/postgres-schema.mjs) and its
// own migrations, so `migrate deploy` applies the right ones.
const postgres = usesPostgres();
const folder = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () =>
    postgres ? new MigrationPostgres(databaseUrl()) : new MigrationSqlite(databaseUrl()),
});
