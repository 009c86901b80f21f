// `npm run restore <backup.zip> [--trust-unsigned]`: brings a backup made by
// `npm run backup` back into DATA_DIR. The app must be stopped (its PID file
// is checked). A backup is trusted by nothing it says about itself:
//   1. Its manifest must carry this instance's signature (DATA_DIR/backup-key;
//      to restore on a new machine, copy that key there first). A foreign or
//      altered backup is refused unless --trust-unsigned is given, and then it
//      still passes every check below.
//   2. Before a byte is unpacked, every entry must be one the manifest
//      declares, at the size it declares; unpacking stops past those sizes.
//   3. In staging: each receipt's sha256 and size as the manifest and the rows
//      say, no file without a row and no row without a file, integrity_check,
//      foreign_key_check; the schema exactly what the migrations it lists
//      create (no extra table, index, trigger or view); the values the app
//      relies on (vocabularies, MIME types, URLs, storage keys) valid.
// Only then is anything replaced. The data it replaces is moved, not deleted,
// to DATA_DIR/pre-restore-<time>/. The next `npm start` applies any migrations
// newer than the backup. The steps live in scripts/restore/: manifest.mjs (1
// and 2), zip-entries.mjs (the unpacking), checks.mjs and vocabulary.mjs (3).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { refuseWhenReceiptsInBucket } from "./bucket-storage.mjs";
import {
  databaseFileFromEnv,
  dataDirFromEnv,
  fail,
  refuseOnPostgres,
  runningServerPid,
} from "./paths.mjs";
import { check } from "./restore/checks.mjs";
import { readManifest } from "./restore/manifest.mjs";
import { unpack } from "./restore/zip-entries.mjs";

function moveIfExists(from, to) {
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  fs.renameSync(from, to);
  return true;
}

export async function restore(file, { trustUnsigned = false } = {}) {
  refuseWhenReceiptsInBucket("restore");
  if (!file) throw new Error("usage: npm run restore -- <backup.zip> [--trust-unsigned]");
  refuseOnPostgres("restore");
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`no such file: ${source}`);
  const dataDir = dataDirFromEnv();
  const dbFile = databaseFileFromEnv();
  const pid = runningServerPid(dataDir);
  if (pid) throw new Error(`CancelCase is running on this DATA_DIR (PID ${pid}); stop it first`);

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const staging = path.join(dataDir, `.restore-${randomBytes(6).toString("hex")}`);
  fs.mkdirSync(staging, { mode: 0o700 });
  try {
    const { manifest, declared, signed } = await readManifest(source, dataDir, { trustUnsigned });
    const hashes = await unpack(source, staging, declared);
    const summary = { ...check(staging, hashes, manifest), signed };

    // Swap: the current data moves aside first, then the backup moves in.
    const aside = path.join(
      dataDir,
      `pre-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`,
    );
    try {
      const moved = ["", "-wal", "-shm", "-journal"].map((suffix) =>
        moveIfExists(`${dbFile}${suffix}`, path.join(aside, `${path.basename(dbFile)}${suffix}`)),
      );
      moved.push(moveIfExists(path.join(dataDir, "receipts"), path.join(aside, "receipts")));
      fs.mkdirSync(path.dirname(dbFile), { recursive: true, mode: 0o700 });
      fs.renameSync(path.join(staging, "cancelcase.db"), dbFile);
      fs.mkdirSync(path.join(staging, "receipts"), { recursive: true, mode: 0o700 });
      fs.renameSync(path.join(staging, "receipts"), path.join(dataDir, "receipts"));
      for (const dir of new Set([path.dirname(dbFile), dataDir])) {
        const handle = fs.openSync(dir, "r");
        fs.fsyncSync(handle);
        fs.closeSync(handle);
      }
      if (!moved.some(Boolean)) fs.rmSync(aside, { recursive: true, force: true });
      summary.aside = moved.some(Boolean) ? aside : null;
    } catch (error) {
      error.message += ` (while swapping the data in; the previous data is in ${aside})`;
      error.swapping = true;
      throw error;
    }
    return { ...summary, database: dbFile };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = process.argv.slice(2);
    const summary = await restore(
      args.find((arg) => !arg.startsWith("--")),
      {
        trustUnsigned: args.includes("--trust-unsigned"),
      },
    );
    console.log(
      `[cancelcase] restored ${summary.users} users and ${summary.receipts} receipt files into ${summary.database}` +
        (summary.aside ? `; the data it replaced is in ${summary.aside}` : "") +
        (summary.signed ? "" : " (unsigned: restored with --trust-unsigned)"),
    );
    console.log("[cancelcase] start the app with npm start (it applies any newer migrations)");
  } catch (error) {
    fail(`restore failed${error.swapping ? "" : ", nothing was changed"}: ${error.message}`);
  }
}
