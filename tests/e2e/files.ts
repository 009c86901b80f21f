import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";

// Small, real files made in code: no binary fixtures in the repository.
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
export const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=",
  "base64",
);
/** A one-line Chase card export, as a statement import's `file`: Mint Mobile charged $30. */
export const CHASE_STATEMENT = {
  name: "chase.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
      "11/28/2026,11/29/2026,MINT MOBILE 800-683-7392 CA,Bills,Sale,-30.00,\n",
  ),
};
export const EML = Buffer.from(
  "From: Mint Mobile <care@mint.example>\r\nTo: me@example.com\r\nSubject: Your line has been cancelled\r\n" +
    "Date: Tue, 24 Nov 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
    "Confirmation MM-55501. Your final bill is $0.00.\r\n",
);
export const HTML_AS_PDF = Buffer.from(
  "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
);
export const SVG_AS_PNG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
);

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A text file of exactly `size` bytes, unique per call. */
export function textOfSize(size: number): Buffer {
  const head = Buffer.from(`receipt ${randomBytes(8).toString("hex")}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), "x")]).subarray(
    0,
    size,
  );
}

/** Every file under the e2e DATA_DIR's receipt storage, by content hash. */
export function storedHashes(): string[] {
  const root = path.resolve("test-data/e2e/receipts");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(sha256(fs.readFileSync(full)));
    }
  };
  walk(root);
  return out;
}

/** Every entry of a ZIP, by name (yauzl, as the restore script reads backups). */
export function unzip(zipBytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
