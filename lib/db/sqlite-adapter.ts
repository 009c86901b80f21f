import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

// Pragmas that must hold on every connection the app opens (docs/contract.md
// "Security and reliability floor"). journal_mode=WAL persists in the file; the others are
// per-connection, so they are set each time the adapter connects.
export const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 5000",
];

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** The better-sqlite3 adapter with the app's pragmas applied on connect. */
export class CancelCaseSqlite extends PrismaBetterSQLite3 {
  constructor(url: string) {
    super({ url, timeout: 5000 });
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS.join(";\n") + ";");
    beginImmediately(adapter);
    return guardFailedCommit(adapter);
  }
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). The
 * adapter's deferred BEGIN reads first and asks for the lock at its first
 * write, and when another process (a second app instance, the scheduler of
 * one) committed in between, SQLite cannot wait: the write fails at once
 * with SQLITE_BUSY_SNAPSHOT. Begun immediately, the transaction waits for
 * the lock (busy_timeout) instead. The adapter holds its own lock around
 * BEGIN and would keep it if BEGIN threw, so a lock still busy after the
 * wait falls back to a deferred BEGIN: that transaction may then fail as
 * busy (503, "try again"), and the adapter stays usable.
 */
function beginImmediately(adapter: Adapter): void {
  const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
  const prepare = client.prepare.bind(client);
  const begin = () => {
    try {
      return prepare("BEGIN IMMEDIATE").run();
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith("SQLITE_BUSY")) throw error;
      return prepare("BEGIN").run();
    }
  };
  client.prepare = ((sql: string) =>
    sql === "BEGIN" ? { run: begin } : prepare(sql)) as typeof client.prepare;
}

type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Works around prisma issue 29933 (docs/decisions/007-sqlite-better-sqlite3.md). When COMMIT fails (SQLITE_BUSY,
 * a deferred constraint, a full disk) Prisma 6.19 neither rolls back nor
 * releases the adapter's transaction lock: the connection stays inside the
 * open transaction and every later transaction waits forever. Here a failed
 * COMMIT rolls back on the spot and releases the lock once; the caller still
 * gets the error. tests/data/sqlite-busy.test.ts proves the app carries on.
 */
function guardFailedCommit(adapter: Adapter): Adapter {
  const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx: Transaction = await startTransaction(isolationLevel);
    let released = false;
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    const releaseOnce = (release: () => Promise<void>) => async () => {
      if (released) return;
      released = true;
      await release();
    };
    tx.commit = releaseOnce(commit);
    tx.rollback = releaseOnce(rollback);
    const executeRaw = tx.executeRaw.bind(tx);
    tx.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (/^\s*COMMIT\b/i.test(query.sql)) {
          if (client.inTransaction) client.exec("ROLLBACK");
          await tx.rollback();
        }
        throw error;
      }
    };
    return tx;
  };
  return adapter;
}

/**
 * The same adapter for the Prisma CLI. Its WASM schema engine sends a whole
 * migration file through executeRaw, which better-sqlite3's prepare() rejects
 * when it holds several statements, so argument-less multi-statement SQL is
 * routed to executeScript instead.
 */
export class MigrationSqlite extends CancelCaseSqlite {
  override async connect(): Promise<Adapter> {
    return routeScripts(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    return routeScripts(await super.connectToShadowDb());
  }
}

function routeScripts(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}
