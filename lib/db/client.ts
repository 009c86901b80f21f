import "server-only";
import { databaseUrl } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CancelCaseSqlite } from "./sqlite-adapter";

// One client per process, kept across hot reloads and across the route
// bundles that Next.js loads separately. lib/data/* is its only user.
const globalForDb = globalThis as unknown as { cancelCaseDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.cancelCaseDb ?? new PrismaClient({ adapter: new CancelCaseSqlite(databaseUrl()) });

globalForDb.cancelCaseDb = db;
