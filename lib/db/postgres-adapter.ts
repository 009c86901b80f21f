import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { isSerializationConflict } from "./serializable";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
/** What adapter-pg 6.19's transaction keeps: its pooled client and a listener to detach. */
type PooledTransaction = Transaction & {
  client: pg.PoolClient;
  cleanup?: () => void;
};

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/**
 * Gives a transaction's connection back to the pool when its COMMIT or
 * ROLLBACK fails. Prisma 6.19's transaction manager sends COMMIT as a query
 * and only then calls the adapter's commit(), which releases the connection;
 * when the COMMIT itself fails (PostgreSQL cancels the loser of a
 * serialization conflict at commit: "Canceled on identification as a pivot,
 * during commit attempt"), release is never called and the pool loses a
 * connection for good. Two instances writing one case lost all five within
 * seconds, and the instance then hung (bench/postgres.mjs found it; the
 * test is tests/data/postgres-commit-failure.test.ts).
 *
 * A COMMIT the server refused for a conflict has ended the transaction and
 * leaves a clean connection, which goes back to the pool; after any other
 * failure the connection's state is unknown, so the pool discards it.
 */
function releasingOnFailedEnd(transaction: Transaction): Transaction {
  const tx = transaction as PooledTransaction;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    tx.cleanup?.();
    tx.client.release(error);
  };
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (ENDS_TRANSACTION.test(query.sql)) {
        release(
          isSerializationConflict(error)
            ? undefined
            : error instanceof Error
              ? error
              : new Error(String(error)),
        );
      }
      throw error;
    }
  };
  // Prisma calls these after a COMMIT or ROLLBACK that worked; never release twice.
  tx.commit = async () => release();
  tx.rollback = async () => release();
  return tx;
}

/**
 * The pg adapter for the app, when DATABASE_URL names a PostgreSQL database.
 * Each process keeps a small pool: WEB_CONCURRENCY processes per instance,
 * several instances, all under the server's max_connections (100 by default).
 */
export class CancelCasePostgres extends PrismaPg {
  constructor(url: string, max = 5) {
    super({ connectionString: url, max });
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releasingOnFailedEnd(await startTransaction(isolationLevel));
    return adapter;
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

  override async connect(): Promise<Adapter> {
    return wholeScripts(await super.connect());
  }
}

/**
 * adapter-pg 6.19 runs a migration by splitting its text at every ";", which
 * cuts a function body ($$ … $$, the data-version triggers' of decision 027)
 * in pieces. Prisma's native engine sends the whole script as one simple
 * query, which PostgreSQL parses itself and runs as one transaction; so does
 * this. A failure is mapped by the adapter's own onError, as before.
 */
function wholeScripts(adapter: Adapter): Adapter {
  const { client: pool, onError } = adapter as unknown as {
    client: pg.Pool;
    onError: (error: unknown) => never;
  };
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
  return adapter;
}
