import "server-only";
import { db } from "@/lib/db/client";

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
