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
// newer than the backup.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import yauzl from "yauzl";
import { BACKUP_FORMAT, backupKey, signManifest } from "./backup.mjs";
import {
  databaseFileFromEnv,
  dataDirFromEnv,
  fail,
  RECEIPT_KEY,
  refuseOnPostgres,
  root,
  runningServerPid,
} from "./paths.mjs";

const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

// The values the app relies on, column by column (lib/domain's vocabularies;
// tests/unit/restore-vocabulary.test.ts keeps the two the same).
export const VOCABULARY = {
  "Subscription.category": [
    "mobile",
    "internet",
    "streaming",
    "software",
    "fitness",
    "news",
    "other",
  ],
  "Subscription.billingCycle": ["weekly", "monthly", "quarterly", "yearly"],
  "Subscription.status": ["active", "cancelling", "cancelled"],
  "CancellationCase.state": [
    "open",
    "bill_checked",
    "data_backed_up",
    "payment_unlinked",
    "request_submitted",
    "identity_verified",
    "under_review",
    "confirmation_received",
    "rejected",
    "withdrawn",
  ],
  "CancellationCase.reason": [
    "charges",
    "privacy",
    "switching",
    "trip_ended",
    "cost",
    "device_change",
    "security",
    "other",
  ],
  "CancellationCase.method": ["online", "phone", "chat", "store", "email", "mail", null],
  "CaseEvent.to": null, // = CancellationCase.state
  "CaseEvent.from": null, // = CancellationCase.state, or null
  "CaseEvent.rejectionReason": [
    "unpaid_balance",
    "identity_failed",
    "wrong_channel",
    "retention",
    "other",
    null,
  ],
  "Note.channel": ["phone", "chat", "email", "store", "social", "mail", "other"],
  "Receipt.kind": ["confirmation", "final_bill", "refund", "screenshot", "correspondence", "other"],
  "Receipt.mimeType": [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/heic",
    "image/heif",
    "text/plain",
    "message/rfc822",
  ],
  "User.locale": ["en", "zh-CN"],
  "CaseChange.kind": ["note_deleted", "receipt_deleted"],
  "Notification.kind": [
    "follow_up",
    "call_back",
    "renewal",
    "review",
    "statement",
    "charge",
    "dispute",
  ],
  "Notification.channel": ["email", "push"],
  "Notification.status": ["pending", "sent", "failed", "skipped"],
  "NotificationSettings.delivery": ["digest", "each"],
  "StatementImport.format": ["csv", "ofx"],
};
VOCABULARY["CaseEvent.to"] = VOCABULARY["CancellationCase.state"];
VOCABULARY["CaseEvent.from"] = [...VOCABULARY["CancellationCase.state"], null];

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

/** Every entry of the ZIP, from its central directory: names and claimed sizes, no data. */
async function listEntries(file) {
  const zip = await openZip(file);
  const entries = new Map();
  try {
    await new Promise((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", (entry) => {
        if (entries.has(entry.fileName)) {
          reject(new Error(`entry ${entry.fileName} appears twice`));
          return;
        }
        entries.set(entry.fileName, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

/** One small entry's bytes, read only up to `maxBytes`. */
async function readSmallEntry(file, name, maxBytes) {
  const zip = await openZip(file);
  try {
    return await new Promise((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => reject(new Error(`${name} is missing: not a CancelCase backup`)));
      zip.on("entry", async (entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        if (entry.uncompressedSize > maxBytes) return reject(new Error(`${name} is too large`));
        try {
          const chunks = [];
          for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk);
          resolve(Buffer.concat(chunks));
        } catch (error) {
          reject(error);
        }
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The manifest, after its signature and the sizes it declares have been checked. */
async function readManifest(file, dataDir, { trustUnsigned }) {
  const entries = await listEntries(file);
  const bytes = await readSmallEntry(file, "manifest.json", MANIFEST_MAX_BYTES);
  const key = backupKey(dataDir);
  const signature = entries.has("manifest.sig")
    ? (await readSmallEntry(file, "manifest.sig", 1024)).toString("utf8").trim()
    : null;
  const signed = key !== null && signature !== null && signature === signManifest(key, bytes);
  if (!signed && !trustUnsigned) {
    throw new Error(
      key === null
        ? "this DATA_DIR has no backup-key to check the backup's signature with (copy the instance's backup-key here, or pass --trust-unsigned)"
        : "the backup is not signed by this instance, or was altered (pass --trust-unsigned to restore it anyway, after every other check)",
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Error("manifest.json is not valid JSON");
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new Error(
      `unknown backup format ${JSON.stringify(manifest?.format)} v${manifest?.version}`,
    );
  }
  if (!Array.isArray(manifest.receipts) || !Number.isSafeInteger(manifest.database?.size)) {
    throw new Error("manifest.json does not declare what the backup holds");
  }
  // Every entry is declared, at the size declared: a ZIP that would unpack to
  // more than it says (a "zip bomb") is refused before anything is written.
  const declared = new Map([
    ["manifest.json", bytes.length],
    ["cancelcase.db", manifest.database.size],
  ]);
  if (signature !== null) declared.set("manifest.sig", entries.get("manifest.sig"));
  for (const receipt of manifest.receipts) {
    if (!RECEIPT_KEY.test(receipt?.key ?? "") || !Number.isSafeInteger(receipt.size)) {
      throw new Error("manifest.json lists a receipt without a valid key and size");
    }
    declared.set(`receipts/${receipt.key.slice(0, 2)}/${receipt.key}`, receipt.size);
  }
  for (const [name, size] of entries) {
    if (!declared.has(name)) {
      throw new Error(`unexpected entry ${JSON.stringify(name)}: not a CancelCase backup`);
    }
    if (size !== declared.get(name)) {
      throw new Error(
        `entry ${name} would unpack to ${size} bytes; the manifest says ${declared.get(name)}`,
      );
    }
  }
  return { manifest, declared, signed };
}

/** Unpacks every entry into `staging`, stopping at once past the size the manifest declares. */
async function unpack(file, staging, declared) {
  const zip = await openZip(file);
  const hashes = new Map();
  try {
    await new Promise((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", async (entry) => {
        try {
          const name = entry.fileName;
          const limit = declared.get(name);
          if (limit === undefined) throw new Error(`unexpected entry ${JSON.stringify(name)}`);
          const target = path.join(staging, name);
          fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
          const hash = createHash("sha256");
          let size = 0;
          const stream = await openEntry(zip, entry);
          stream.on("data", (chunk) => {
            size += chunk.length;
            if (size > limit) stream.destroy(new Error(`entry ${name} is larger than declared`));
            else hash.update(chunk);
          });
          await pipeline(stream, fs.createWriteStream(target, { flags: "wx", mode: 0o600 }));
          hashes.set(name, { sha256: hash.digest("hex"), size });
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

/** The schema objects of a database, as comparable lines (Prisma's own table aside). */
function schemaOf(db) {
  return db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    .all()
    .filter((row) => !row.name.startsWith("sqlite_autoindex_") && row.name !== "sqlite_sequence")
    .filter((row) => !(row.type === "table" && row.name === "_prisma_migrations"))
    .map(
      (row) =>
        `${row.type} ${row.name} ON ${row.tbl_name}: ${String(row.sql).replace(/\s+/g, " ")}`,
    );
}

const PRISMA_MIGRATIONS_COLUMNS = [
  "id",
  "checksum",
  "finished_at",
  "migration_name",
  "logs",
  "rolled_back_at",
  "started_at",
  "applied_steps_count",
];

/**
 * The staged database's schema must be exactly what this app's migrations
 * (those the backup says it applied) create: a crafted backup cannot bring a
 * trigger, a view, or any table or index of its own.
 */
function checkSchema(db) {
  const columns = db.prepare("SELECT name FROM pragma_table_info('_prisma_migrations')").all();
  if (columns.map((c) => c.name).join() !== PRISMA_MIGRATIONS_COLUMNS.join()) {
    throw new Error("the database has no migration history of this app");
  }
  const applied = db
    .prepare(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    )
    .all()
    .map((row) => row.name);
  const known = fs
    .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (applied.some((name, i) => name !== known[i])) {
    throw new Error("the database lists migrations this version of CancelCase does not have");
  }
  const expected = new Database(":memory:");
  try {
    for (const name of applied) {
      expected.exec(
        fs.readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql"), "utf8"),
      );
    }
    const want = new Set(schemaOf(expected));
    const got = schemaOf(db);
    const extra = got.filter((line) => !want.has(line));
    const missing = [...want].filter((line) => !got.includes(line));
    if (extra.length || missing.length) {
      throw new Error(
        `the database's schema is not this app's: ${[...extra.map((l) => `unexpected ${l.split(":")[0]}`), ...missing.map((l) => `missing ${l.split(":")[0]}`)].slice(0, 3).join("; ")}`,
      );
    }
  } finally {
    expected.close();
  }
}

/** The values the app relies on: a crafted row must not reach it. */
function checkValues(db) {
  for (const [column, allowed] of Object.entries(VOCABULARY)) {
    const [table, field] = column.split(".");
    const values = allowed.filter((v) => v !== null);
    const nullable = allowed.includes(null);
    const placeholders = values.map(() => "?").join(", ");
    const bad = db
      .prepare(
        `SELECT count(*) AS n FROM "${table}" WHERE ${nullable ? `"${field}" IS NOT NULL AND ` : ""}("${field}" IS NULL OR "${field}" NOT IN (${placeholders}))`,
      )
      .get(...values).n;
    if (bad) throw new Error(`${bad} rows hold a value the app does not know in ${column}`);
  }
  const urls = db
    .prepare(
      "SELECT count(*) AS n FROM Subscription WHERE cancelUrl IS NOT NULL AND NOT (cancelUrl LIKE 'https://%' OR cancelUrl LIKE 'http://%')",
    )
    .get().n;
  if (urls) throw new Error(`${urls} subscriptions hold a cancel URL that is not http(s)`);
}

function check(staging, hashes, manifest) {
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
    checkSchema(db);
    checkValues(db);
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

export async function restore(file, { trustUnsigned = false } = {}) {
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
