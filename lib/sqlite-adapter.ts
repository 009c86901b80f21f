import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Pragmas that must hold on every connection the app opens (DESIGN.md
// "Reliability"). journal_mode=WAL persists in the file; the others are
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
    return adapter;
  }
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
