// `npm run backup [file]`: a consistent snapshot of a CancelCase instance
// while it keeps serving writes. Writes one ZIP (default
// DATA_DIR/backups/cancelcase-backup-<time>.zip, mode 0600) holding
//   manifest.json       what is inside, with each receipt's sha256 and size
//   cancelcase.db       the database, taken with VACUUM INTO (docs/contract.md:
//                       never a file copy of a live database)
//   receipts/<xx>/<key> the receipt files the snapshot's rows refer to
// Receipt files are written before their row commits and removed after their
// row is deleted, so every row of the snapshot had its file at snapshot time.
// Each is then hard-linked into a staging folder (a later delete by the app
// cannot take it away); a file already gone means the receipt was deleted
// after the snapshot, and its row is dropped from the snapshot too. Files
// newer than the snapshot are not in it. Restore with `npm run restore`.
import { createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import yazl from "yazl";
import { refuseWhenReceiptsInBucket } from "./bucket-storage.mjs";
import {
  backupKeyFile,
  databaseFileFromEnv,
  dataDirFromEnv,
  fail,
  receiptFile,
  refuseOnPostgres,
} from "./paths.mjs";

export const BACKUP_FORMAT = "cancelcase-backup";

/**
 * This instance's backup key: 32 random bytes in DATA_DIR/backup-key (0600),
 * made on first use. A backup carries the HMAC of its manifest, and the
 * manifest holds the sha256 and size of every file, so `npm run restore`
 * knows a backup of this instance from a foreign or altered one.
 */
export function backupKey(dataDir, { create = false } = {}) {
  const file = backupKeyFile(dataDir);
  if (create) {
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
  try {
    const key = fs.readFileSync(file, "utf8").trim();
    return /^[0-9a-f]{64}$/.test(key) ? Buffer.from(key, "hex") : null;
  } catch {
    return null;
  }
}

export function signManifest(key, manifestBytes) {
  return createHmac("sha256", key).update(manifestBytes).digest("hex");
}

function stamp(date) {
  return date.toISOString().replace(/[:.]/g, "-");
}

async function sha256OfFile(file) {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

/** Takes a backup; returns a summary. Throws on any failure and leaves no partial file. */
export async function backup({ output } = {}) {
  refuseOnPostgres("backup");
  refuseWhenReceiptsInBucket("backup");
  const dataDir = dataDirFromEnv();
  const dbFile = databaseFileFromEnv();
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}: nothing to back up`);
  const createdAt = new Date();
  const target = path.resolve(
    output ?? path.join(dataDir, "backups", `cancelcase-backup-${stamp(createdAt)}.zip`),
  );
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const staging = path.join(dataDir, `.backup-${randomBytes(6).toString("hex")}`);
  fs.mkdirSync(staging, { mode: 0o700 });
  const partial = `${target}.part`;
  try {
    // 1. The database: a read transaction on a live WAL database, so writers carry on.
    const snapshotFile = path.join(staging, "cancelcase.db");
    const live = new Database(dbFile, { readonly: true, timeout: 5000 });
    try {
      live.prepare("VACUUM INTO ?").run(snapshotFile);
    } finally {
      live.close();
    }

    // 2. Pin the files the snapshot refers to.
    const snapshot = new Database(snapshotFile);
    const receipts = [];
    let dropped = 0;
    try {
      const rows = snapshot.prepare("SELECT id, storageKey, sha256, size FROM Receipt").all();
      const drop = snapshot.prepare("DELETE FROM Receipt WHERE id = ?");
      for (const row of rows) {
        const pinned = receiptFile(staging, row.storageKey);
        fs.mkdirSync(path.dirname(pinned), { recursive: true });
        try {
          fs.linkSync(receiptFile(dataDir, row.storageKey), pinned);
        } catch (error) {
          if (error.code === "ENOENT") {
            drop.run(row.id);
            dropped++;
            continue;
          }
          if (!["EXDEV", "EPERM", "ENOTSUP"].includes(error.code)) throw error;
          fs.copyFileSync(receiptFile(dataDir, row.storageKey), pinned);
        }
        const actual = await sha256OfFile(pinned);
        if (actual !== row.sha256) {
          throw new Error(
            `receipt ${row.id}: file ${row.storageKey} has sha256 ${actual}, the database says ${row.sha256}`,
          );
        }
        receipts.push({ key: row.storageKey, sha256: row.sha256, size: row.size });
      }
      const integrity = snapshot.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`the snapshot fails integrity_check: ${integrity}`);
    } finally {
      snapshot.close();
    }

    // 3. One ZIP, written to .part and renamed only when complete.
    const database = {
      file: "cancelcase.db",
      sha256: await sha256OfFile(snapshotFile),
      size: fs.statSync(snapshotFile).size,
    };
    const manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: createdAt.toISOString(),
      database,
      receipts,
    };
    const zip = new yazl.ZipFile();
    const mtime = createdAt;
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const signature = signManifest(backupKey(dataDir, { create: true }), manifestBytes);
    zip.addBuffer(manifestBytes, "manifest.json", { mtime });
    zip.addBuffer(Buffer.from(signature + "\n"), "manifest.sig", { mtime });
    zip.addFile(snapshotFile, "cancelcase.db", { mtime });
    for (const { key } of receipts) {
      // Receipts are PDFs and images, already compressed: stored as they are.
      zip.addFile(receiptFile(staging, key), `receipts/${key.slice(0, 2)}/${key}`, {
        mtime,
        compress: false,
      });
    }
    zip.end();
    await pipeline(zip.outputStream, fs.createWriteStream(partial, { mode: 0o600 }));
    const handle = fs.openSync(partial, "r");
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    fs.renameSync(partial, target);
    return { file: target, receipts: receipts.length, dropped, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const summary = await backup({ output: process.argv[2] });
    console.log(
      `[cancelcase] backup written to ${summary.file} (${summary.receipts} receipt files, ` +
        `${(summary.bytes / 1024 / 1024).toFixed(1)} MiB)` +
        (summary.dropped
          ? `; ${summary.dropped} receipts deleted during the backup were left out`
          : ""),
    );
  } catch (error) {
    fail(`backup failed: ${error.message}`);
  }
}
