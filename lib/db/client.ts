import "server-only";
import { databaseUrl, usesPostgres } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgres/client";
import { CancelCasePostgres } from "./postgres-adapter";
import { serializable } from "./serializable";
import { CancelCaseSqlite } from "./sqlite-adapter";

// One client per process, kept across hot reloads and across the route
// bundles that Next.js loads separately. lib/data/* is its only user.
const globalForDb = globalThis as unknown as { cancelCaseDb?: PrismaClient };

/**
 * DATABASE_URL picks the engine. Each has its own generated client (Prisma
 * compiles the provider in; docs/decisions/019-postgresql-beside-sqlite.md),
 * made from the same models, so the PostgreSQL one is typed as the SQLite
 * one and lib/data sees one set of types.
 */
function connect(): PrismaClient {
  if (usesPostgres()) {
    const client = new PostgresClient({ adapter: new CancelCasePostgres(databaseUrl()) });
    return serializable(client as unknown as PrismaClient);
  }
  return new PrismaClient({ adapter: new CancelCaseSqlite(databaseUrl()) });
}

export const db: PrismaClient = globalForDb.cancelCaseDb ?? connect();

globalForDb.cancelCaseDb = db;
