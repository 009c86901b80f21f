import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

// A backup's ZIP, read with yauzl: its central directory alone, one small
// entry, or every entry unpacked no further than the size it is declared at.

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
export async function listEntries(file) {
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
export async function readSmallEntry(file, name, maxBytes) {
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

/** Unpacks every entry into `staging`, stopping at once past the size the manifest declares. */
export async function unpack(file, staging, declared) {
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
