import { BACKUP_FORMAT, backupKey, signManifest } from "../backup.mjs";
import { RECEIPT_KEY } from "../paths.mjs";
import { listEntries, readSmallEntry } from "./zip-entries.mjs";

// A backup's manifest, trusted only once this instance's signature is on it
// (or --trust-unsigned said so), and only for entries at the sizes it declares.

const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

/** The manifest, after its signature and the sizes it declares have been checked. */
export async function readManifest(file, dataDir, { trustUnsigned }) {
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
