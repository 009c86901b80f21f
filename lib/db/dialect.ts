import "server-only";
import { usesPostgres } from "@/lib/config";

// What differs between SQLite and PostgreSQL, in one place: lib/data writes
// SQL and filters that both engines read alike (quoted identifiers, no
// engine-only functions) and takes the few that cannot be from here.

export type Dialect = "sqlite" | "postgres";

export function dialect(): Dialect {
  return usesPostgres() ? "postgres" : "sqlite";
}

/**
 * A case-insensitive substring filter, as SQLite's LIKE is for ASCII. On
 * PostgreSQL, `contains` is case-sensitive unless asked (ILIKE). The SQLite
 * client's types know no `mode`, so this is typed as the plain filter.
 */
export function containsText(q: string): { contains: string } {
  return dialect() === "postgres"
    ? ({ contains: q, mode: "insensitive" } as { contains: string })
    : { contains: q };
}
