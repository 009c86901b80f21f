// What one database call costs on this stack, three ways, for the same row:
// the signed-in user's lookup that every request makes. It shows where an API
// request's time goes: Prisma 6.19's client compiles every call in its
// WebAssembly query compiler on the event loop (no plan cache before 7.4).
import Database from "better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { CancelCaseSqlite } from "../lib/db/sqlite-adapter";

const ROUNDS = 2000;

async function perCall(fn) {
  for (let i = 0; i < 200; i++) await fn(); // warm: JIT, statement caches
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return Math.round(((performance.now() - started) / ROUNDS) * 1000) / 1000;
}

/** Milliseconds per call to read one user by id: better-sqlite3, Prisma $queryRaw, Prisma findUnique. */
export async function prismaCallCost(dbFile, email) {
  const raw = new Database(dbFile, { readonly: true });
  const prisma = new PrismaClient({ adapter: new CancelCaseSqlite(`file:${dbFile}`) });
  try {
    const { id } = raw.prepare("SELECT id FROM User WHERE email = ?").get(email);
    const sql = "SELECT id, email, name, locale, timeZone, sessionVersion FROM User WHERE id = ?";
    const statement = raw.prepare(sql);
    // The columns of a session user (lib/data/users.ts sessionUserSelect, which
    // this script cannot import: it is server-only).
    const select = {
      id: true,
      email: true,
      name: true,
      locale: true,
      timeZone: true,
      sessionVersion: true,
    };
    return {
      betterSqlite3Ms: await perCall(() => statement.get(id)),
      queryRawMs: await perCall(() => prisma.$queryRawUnsafe(sql, id)),
      findUniqueMs: await perCall(() => prisma.user.findUnique({ where: { id }, select })),
    };
  } finally {
    await prisma.$disconnect();
    raw.close();
  }
}
