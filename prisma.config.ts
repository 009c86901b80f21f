import { loadEnvConfig } from "@next/env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/config";
import { MigrationSqlite } from "./lib/db/sqlite-adapter";

// With a config file the Prisma CLI skips .env; Next.js reads it. Load it the
// same way so both talk to the same database.
loadEnvConfig(process.cwd());

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new MigrationSqlite(databaseUrl()),
});
