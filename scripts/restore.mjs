// `npm run restore <backup.zip>`: brings a backup made by `npm run backup`
// back into DATA_DIR. The app must be stopped (its PID file is checked).
// Nothing is replaced until the whole backup has been unpacked into a staging
// folder and checked: only the names a backup holds, each receipt's sha256
// and size as the manifest and the database's rows say, no file without a
// row and no row without a file, integrity_check and foreign_key_check.
// The data it replaces is moved, not deleted, to DATA_DIR/pre-restore-<time>/.
// The next `npm start` applies any migrations newer than the backup.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import yauzl from "yauzl";
import { BACKUP_FORMAT } from "./backup.mjs";
import {
  databaseFileFromEnv,
  dataDirFromEnv,
  fail,
  RECEIPT_KEY,
  runningServerPid,
} from "./paths.mjs";

const RECEIPT_ENTRY = /^receipts\/([0-9a-f]{2})\/([0-9a-f]{32})$/;

function openZip(file) {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

function openEntry(zip, entry) {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/** Unpacks every entry into `staging`, refusing any name a backup does not hold. */
async function unpack(file, staging) {
  const zip = await openZip(file);
  const hashes = new Map();
  try {
    await new Promise((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", async (entry) => {
        try {
          const name = entry.fileName;
          const receipt = RECEIPT_ENTRY.exec(name);
          if (
            name !== "manifest.json" &&
            name !== "cancelcase.db" &&
            !(receipt && receipt[2].startsWith(receipt[1]))
          ) {
            throw new Error(`unexpected entry ${JSON.stringify(name)}: not a CancelCase backup`);
          }
          if (hashes.has(name)) throw new Error(`entry ${name} appears twice`);
          const target = path.join(staging, name);
          fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
          const hash = createHash("sha256");
          const stream = await openEntry(zip, entry);
          stream.on("data", (chunk) => hash.update(chunk));
          await pipeline(stream, fs.createWriteStream(target, { flags: "wx", mode: 0o600 }));
          hashes.set(name, { sha256: hash.digest("hex"), size: fs.statSync(target).size });
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return hashes;
}

function check(staging, hashes) {
  if (!hashes.has("manifest.json"))
    throw new Error("manifest.json is missing: not a CancelCase backup");
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(staging, "manifest.json"), "utf8"));
  } catch {
    throw new Error("manifest.json is not valid JSON");
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new Error(
      `unknown backup format ${JSON.stringify(manifest?.format)} v${manifest?.version}`,
    );
  }
  if (hashes.get("cancelcase.db")?.sha256 !== manifest.database?.sha256) {
    throw new Error("cancelcase.db is missing or does not match the manifest");
  }
  const listed = new Map(manifest.receipts.map((r) => [r.key, r]));
  const files = [...hashes.keys()].filter((name) => name.startsWith("receipts/"));
  if (files.length !== listed.size)
    throw new Error(`the manifest lists ${listed.size} receipts, the backup holds ${files.length}`);

  const db = new Database(path.join(staging, "cancelcase.db"));
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the database fails integrity_check: ${integrity}`);
    const broken = db.pragma("foreign_key_check");
    if (broken.length)
      throw new Error(`the database fails foreign_key_check (${broken.length} rows)`);
    const rows = db.prepare("SELECT storageKey, sha256, size FROM Receipt").all();
    if (rows.length !== listed.size)
      throw new Error(`the database has ${rows.length} receipts, the backup ${listed.size} files`);
    for (const row of rows) {
      const name = `receipts/${row.storageKey.slice(0, 2)}/${row.storageKey}`;
      const got = hashes.get(name);
      if (!RECEIPT_KEY.test(row.storageKey) || !got)
        throw new Error(`receipt file ${row.storageKey} is missing`);
      if (
        got.sha256 !== row.sha256 ||
        got.size !== row.size ||
        listed.get(row.storageKey)?.sha256 !== row.sha256
      ) {
        throw new Error(`receipt file ${row.storageKey} does not match its row (sha256 or size)`);
      }
    }
    return { receipts: rows.length, users: db.prepare("SELECT count(*) AS n FROM User").get().n };
  } finally {
    db.close();
  }
}

function moveIfExists(from, to) {
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  fs.renameSync(from, to);
  return true;
}

export async function restore(file) {
  if (!file) throw new Error("usage: npm run restore <backup.zip>");
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
    const hashes = await unpack(source, staging);
    const summary = check(staging, hashes);

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
    const summary = await restore(process.argv[2]);
    console.log(
      `[cancelcase] restored ${summary.users} users and ${summary.receipts} receipt files into ${summary.database}` +
        (summary.aside ? `; the data it replaced is in ${summary.aside}` : ""),
    );
    console.log("[cancelcase] start the app with npm start (it applies any newer migrations)");
  } catch (error) {
    fail(`restore failed${error.swapping ? "" : ", nothing was changed"}: ${error.message}`);
  }
}
