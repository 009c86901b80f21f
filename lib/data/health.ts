import "server-only";
import { db } from "@/lib/db/client";
import { receiptStorage } from "@/lib/storage";

export type ConnectionPragmas = {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
};

/** The pragmas in force on the app's own connection (tests/data/pragmas.test.ts reads them back). */
export async function readConnectionPragmas(): Promise<ConnectionPragmas> {
  const one = async (pragma: string) => {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`);
    return Object.values(rows[0] ?? {})[0];
  };
  return {
    journalMode: String(await one("journal_mode")),
    synchronous: Number(await one("synchronous")),
    foreignKeys: Number(await one("foreign_keys")),
    busyTimeout: Number(await one("busy_timeout")),
  };
}

/**
 * Whether this instance can serve: the database answers a query and the
 * receipt storage can be read and written. Never says why not to the caller
 * (the log does).
 */
export async function isHealthy(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    await receiptStorage().check();
    return true;
  } catch (error) {
    console.error("Health check failed", error);
    return false;
  }
}
