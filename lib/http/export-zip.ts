import "server-only";
import { PassThrough, Readable } from "node:stream";
import yazl from "yazl";
import type { ExportFile, UserExport } from "@/lib/data/export";

const README = `CancelCase export

cancelcase-export.json  your account, subscriptions, cases (with their
                        history), notes and the list of receipts, with the
                        same field names as the CancelCase JSON API
receipts/<case id>/     the receipt files, byte for byte as uploaded; each
                        receipt's "file" in the JSON names its path here
`;

const UNREADABLE =
  "This receipt could not be read: it was deleted while the export was being made.\n";

/** A receipt that cannot be read (deleted while the ZIP was being written) becomes a short note. */
function readOrExplain(file: ExportFile): Readable {
  const out = new PassThrough();
  file.open().then(
    (source) => {
      source.once("error", () => {
        source.unpipe(out);
        out.end(UNREADABLE);
      });
      source.pipe(out);
    },
    () => out.end(UNREADABLE),
  );
  return out;
}

/**
 * "Download my data" as one ZIP, streamed: the JSON first, then the receipt
 * files one at a time (stored, not recompressed), so memory does not grow
 * with the size of the user's receipts. yazl (3.3.1): a small, dependency-light
 * streaming ZIP writer with ZIP64 and UTF-8 names.
 */
export function exportZip({ data, files }: { data: UserExport; files: ExportFile[] }): Readable {
  const zip = new yazl.ZipFile();
  const mtime = data.exportedAt;
  zip.addBuffer(Buffer.from(README), "README.txt", { mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(data, null, 2)), "cancelcase-export.json", { mtime });
  for (const file of files) {
    zip.addReadStreamLazy(file.path, { mtime, compress: false }, (callback) =>
      callback(null, readOrExplain(file)),
    );
  }
  zip.end();
  return zip.outputStream as Readable;
}
