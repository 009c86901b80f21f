import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/**
 * The pg adapter for the app, when DATABASE_URL names a PostgreSQL database.
 * Each process keeps a small pool: WEB_CONCURRENCY processes per instance,
 * several instances, all under the server's max_connections (100 by default).
 */
export class CancelCasePostgres extends PrismaPg {
  constructor(url: string) {
    super({ connectionString: url, max: 5 });
  }
}

// PostgreSQL's type OIDs that the CLI reads from the catalog and the adapter
// cannot map: `name` (19) and `"char"` (18). Both are text on the wire.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Fields = { fields?: { dataTypeID: number }[] };

function asText<T>(result: T): T {
  for (const field of (result as Fields | undefined)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * A pg client whose results report `name` and `"char"` columns as text.
 * Prisma 6.19's WASM schema engine reads catalog columns of those types, and
 * adapter-pg 6.19 refuses them ("Column type 'name' could not be
 * deserialized"), so `migrate deploy` and `migrate status` would fail. The
 * pool calls query() with a callback, a transaction with a promise: both.
 */
class CatalogTextClient extends pg.Client {
  // pg's query() has a dozen overloads; this passes every one through.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : asText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(asText) : result) as never;
  }
}

/** The pg adapter for the Prisma CLI only (prisma.config.ts): migrate deploy and status. */
export class MigrationPostgres extends PrismaPg {
  constructor(url: string) {
    super({ connectionString: url, max: 1, Client: CatalogTextClient });
  }
}
