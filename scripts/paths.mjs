// Where the data lives, for the scripts that run outside Next.js (start,
// backup, restore). Same rules as lib/config.ts: DATA_DIR (./data), and
// DATABASE_URL (a file: URL) overriding the SQLite file.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function dataDirFromEnv() {
  return path.resolve(root, process.env.DATA_DIR?.trim() || "data");
}

export function databaseFileFromEnv(dataDir = dataDirFromEnv()) {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return path.join(dataDir, "cancelcase.db");
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL must be a SQLite file: URL");
  return path.resolve(root, url.slice("file:".length));
}

/** DATA_DIR/receipts/<2-char shard>/<32 hex>: the layout of lib/storage/local-disk.ts. */
export const RECEIPT_KEY = /^[0-9a-f]{32}$/;

export function receiptPath(dataDir, key) {
  if (!RECEIPT_KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return path.join(dataDir, "receipts", key.slice(0, 2), key);
}

/** The PID file npm start keeps in DATA_DIR while it serves. */
export function pidFile(dataDir) {
  return path.join(dataDir, "server.pid");
}

/** The PID of a live server on this DATA_DIR, or null. */
export function runningServerPid(dataDir) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile(dataDir), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return error.code === "EPERM" ? pid : null;
  }
}

export function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}
