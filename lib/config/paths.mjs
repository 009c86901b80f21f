// Where CancelCase keeps its data (docs/contract.md "Configuration"): DATA_DIR
// (./data) holds the SQLite file and the generated secret at its top level
// and receipts under receipts/; DATABASE_URL (a file: URL) overrides the
// SQLite file, or (postgresql://) names a PostgreSQL database instead. Plain JavaScript so that the npm scripts (start, backup,
// restore), which run under node without a build, read the same rules as the
// app (through lib/config/index.ts). Relative paths resolve against `base`:
// the working directory in the app, the project root in the scripts.
import path from "node:path";
import { POSTGRES_URL, setting } from "./settings.mjs";

export function dataDir(base = process.cwd()) {
  return path.resolve(/*turbopackIgnore: true*/ base, setting("DATA_DIR"));
}

export function databaseFile(base = process.cwd()) {
  const url = setting("DATABASE_URL");
  if (url === null) return path.join(dataDir(base), "cancelcase.db");
  if (POSTGRES_URL.test(url)) {
    throw new Error("DATABASE_URL names a PostgreSQL database, not a SQLite file");
  }
  return path.resolve(/*turbopackIgnore: true*/ base, url.slice("file:".length));
}

/** The database to use: a PostgreSQL URL as given, else file: and the SQLite file's absolute path. */
export function databaseUrl(base = process.cwd()) {
  const url = setting("DATABASE_URL");
  return url !== null && POSTGRES_URL.test(url) ? url : `file:${databaseFile(base)}`;
}

/** Whether DATABASE_URL names a PostgreSQL database. */
export function usesPostgres() {
  return POSTGRES_URL.test(setting("DATABASE_URL") ?? "");
}

/** A receipt's storage key: 32 random hex characters. */
export const RECEIPT_KEY = /^[0-9a-f]{32}$/;

/** DATA_DIR/receipts: the local-disk receipt store (lib/storage/local-disk.ts). */
export function receiptsDir(dir) {
  return path.join(dir, "receipts");
}

/** DATA_DIR/receipts/<2-char shard>/<key>. */
export function receiptFile(dir, key) {
  if (!RECEIPT_KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return path.join(receiptsDir(dir), key.slice(0, 2), key);
}

/** The PID file npm start keeps in DATA_DIR while it serves. */
export function pidFile(dir) {
  return path.join(dir, "server.pid");
}

/** The key that signs this instance's backups (HMAC-SHA256), kept beside the database. */
export function backupKeyFile(dir) {
  return path.join(dir, "backup-key");
}
