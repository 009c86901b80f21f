// What the scripts that run outside Next.js (start, backup, restore) share:
// the project root, the data paths (the rules are lib/config/paths.mjs's, the
// same module the app reads), whether a server is live, and how to fail.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, databaseFile, databaseUrl, pidFile, usesPostgres } from "../lib/config/paths.mjs";

export { backupKeyFile, RECEIPT_KEY, pidFile, receiptFile } from "../lib/config/paths.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** DATA_DIR, read as lib/config reads it (relative to the project root). */
export function dataDirFromEnv() {
  return dataDir(root);
}

export function databaseFileFromEnv() {
  return databaseFile(root);
}

/** DATABASE_URL as the app reads it: a PostgreSQL URL, or file: and the SQLite file's absolute path. */
export function databaseUrlFromEnv() {
  return databaseUrl(root);
}

/**
 * Refuses a backup or restore of a PostgreSQL database: those are SQLite's
 * (VACUUM INTO, integrity_check), and a ZIP of the receipts alone would be
 * half a backup. Says which tools do it instead (docs/operations.md).
 * @param {"backup" | "restore"} what
 */
export function refuseOnPostgres(what) {
  if (!usesPostgres()) return;
  const tool =
    what === "backup"
      ? 'pg_dump --format=custom --file=cancelcase.dump "$DATABASE_URL"'
      : 'pg_restore --clean --if-exists --dbname="$DATABASE_URL" cancelcase.dump';
  throw new Error(
    `npm run ${what} works on the SQLite database only, and DATABASE_URL names a PostgreSQL ` +
      `one: use ${tool}, and copy DATA_DIR's receipts (or the bucket's objects) beside it ` +
      `(docs/operations.md, "Scaling out")`,
  );
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
