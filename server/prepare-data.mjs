// @ts-check
// What npm start makes ready before anything serves: DATA_DIR exists and is
// the owner's only (0700, files 0600, umask 077; an existing one readable by
// others is tightened, with a line saying so); NEXTAUTH_SECRET comes from the
// environment or from DATA_DIR/auth-secret, generated on first start (mode
// 0600); the database is migrated and kept private.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { missingSharedSecrets } from "../lib/config/shared-secrets.mjs";
import { migrate } from "../scripts/migrate.mjs";
import { usesPostgres } from "../lib/config/paths.mjs";
import { databaseFileFromEnv, databaseUrlFromEnv } from "../scripts/paths.mjs";
import { fail, log, read } from "./log.mjs";

/** Owner-only: what the server and its children create is 0600 / 0700. */
export function keepFilesPrivate() {
  process.umask(0o077);
}

/**
 * Tightens a file or folder that group or others may read, and says so.
 * @param {string} target
 * @param {number} mode
 */
function makePrivate(target, mode) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return; // not there (yet)
  }
  if ((stat.mode & 0o077) === 0) return;
  fs.chmodSync(target, mode);
  log(
    `${target} was readable by others (mode ${(stat.mode & 0o777).toString(8)}); made it ${mode.toString(8)}`,
  );
}

/** @param {string} dataDir */
export function prepareDataDir(dataDir) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dataDir, "receipts"), { recursive: true, mode: 0o700 });
  makePrivate(dataDir, 0o700);
  makePrivate(path.join(dataDir, "receipts"), 0o700);
  // The workers and Next.js read these as resolved here.
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = databaseUrlFromEnv();
}

/** The database and its WAL files hold every user's data: the owner's only. */
export function makeDatabasePrivate() {
  if (usesPostgres()) return; // the server's own files, not ours
  const file = databaseFileFromEnv();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) makePrivate(`${file}${suffix}`, 0o600);
}

/**
 * Scaled out (a database that is not a SQLite file, or STORAGE_URL), every
 * instance has a DATA_DIR of its own, so secrets generated there would
 * differ between instances: a session from one would be refused by the
 * next. Then they must come from the environment, the same on every instance.
 */
export function requireSharedSecrets() {
  const missing = missingSharedSecrets();
  if (missing.length === 0) return;
  fail(
    `several instances share this database or storage, so they must share their secrets: ` +
      `set ${missing.join(", ")} to the same values on every instance ` +
      `(NEXTAUTH_SECRET: e.g. \`openssl rand -base64 48\`; the VAPID pair: ` +
      `\`npx web-push generate-vapid-keys\`). See docs/operations.md, "Scaling out".`,
  );
}

/** @param {string} dataDir */
export function loadOrCreateSecret(dataDir) {
  if (read("NEXTAUTH_SECRET") !== null) return;
  const file = path.join(dataDir, "auth-secret");
  try {
    fs.writeFileSync(file, randomBytes(48).toString("base64url") + "\n", {
      mode: 0o600,
      flag: "wx",
    });
    log(`generated an auth secret in ${file}`);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    fail(`${file} holds a secret shorter than 32 characters; delete it to regenerate`);
  process.env.NEXTAUTH_SECRET = secret;
}

export function migrateDatabase() {
  const databaseUrl = databaseUrlFromEnv();
  log(
    `migrating ${usesPostgres() ? withoutPassword(databaseUrl) : databaseUrl.replace(/^file:/, "")}`,
  );
  try {
    process.stdout.write(migrate(databaseUrl));
  } catch (error) {
    fail(/** @type {Error} */ (error).message);
  }
}

/**
 * A PostgreSQL URL fit for a log line: the password replaced.
 * @param {string} url
 */
function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.href;
  } catch {
    return "the PostgreSQL database DATABASE_URL names";
  }
}
