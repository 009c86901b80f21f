import "server-only";
import { PassThrough, Readable } from "node:stream";
import yazl from "yazl";
import {
  exportAccount as accountOf,
  exportCases,
  exportNotes,
  exportReceipts,
  exportSubscriptions,
  type ExportFile,
} from "@/lib/data/export";
import { ownCorrections } from "@/lib/data/playbook-corrections";
import type { Actor } from "@/lib/data/users";

const README = `CancelCase export

cancelcase-export.json  your account, subscriptions, cases (with their
                        history), notes, your playbook corrections and the
                        list of receipts, with the same field names as the
                        CancelCase JSON API
receipts/<case id>/     the receipt files, byte for byte as uploaded; each
                        receipt's "file" in the JSON names its path here
`;

const UNREADABLE =
  "This receipt could not be read: it was deleted while the export was being made.\n";

/** A receipt that cannot be read (deleted while the ZIP was being written) becomes a short note. */
export function readOrExplain(file: Pick<ExportFile, "open">): Readable {
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

const indent = (json: string) => json.replace(/\n/g, "\n    ");

/** One top-level list of the JSON, written a batch at a time. */
async function* jsonList<T>(
  name: string,
  batches: AsyncIterable<T[]>,
  last = false,
): AsyncGenerator<string> {
  yield `  "${name}": [`;
  let first = true;
  for await (const batch of batches) {
    const rows = batch.map((row) => `\n    ${indent(JSON.stringify(row, null, 2))}`);
    yield (first ? "" : ",") + rows.join(",");
    first = false;
  }
  yield first ? `]${last ? "" : ","}\n` : `\n  ]${last ? "" : ","}\n`;
}

/**
 * "Download my data" as one ZIP, streamed: README, then the JSON written as
 * the data layer reads it batch by batch, then the receipt files one at a
 * time (stored, not recompressed). Memory stays flat in the size of the
 * account; only the ZIP's central directory (a few hundred bytes a file,
 * bounded by the receipt limits) grows. yazl (3.3.1): a small,
 * dependency-light streaming ZIP writer with ZIP64 and UTF-8 names.
 */
export async function exportAccount(actor: Actor): Promise<{ zip: Readable; exportedAt: Date }> {
  const exportedAt = new Date();
  const account = await accountOf(actor);
  const zip = new yazl.ZipFile();
  const mtime = exportedAt;

  async function* json(): AsyncGenerator<string> {
    yield "{\n";
    yield `  "format": "cancelcase-export",\n  "version": 1,\n`;
    yield `  "exportedAt": ${JSON.stringify(exportedAt)},\n`;
    yield `  "account": ${JSON.stringify(account, null, 2).replace(/\n/g, "\n  ")},\n`;
    yield* jsonList("subscriptions", exportSubscriptions(actor));
    yield* jsonList("cases", exportCases(actor));
    yield* jsonList("notes", exportNotes(actor));
    yield* jsonList(
      "playbookCorrections",
      (async function* () {
        yield await ownCorrections(actor);
      })(),
    );
    // The receipts' files are queued behind the JSON as their rows are listed.
    async function* receipts() {
      for await (const batch of exportReceipts(actor)) {
        for (const { file } of batch) {
          zip.addReadStreamLazy(file.path, { mtime, compress: false }, (callback) =>
            callback(null, readOrExplain(file)),
          );
        }
        yield batch.map(({ receipt }) => receipt);
      }
    }
    yield* jsonList("receipts", receipts(), true);
    yield "}\n";
    zip.end();
  }

  const source = Readable.from(json());
  source.once("error", (error) => {
    console.error("The export failed while it was being written", error);
    (zip.outputStream as Readable).destroy(error);
  });
  zip.addBuffer(Buffer.from(README), "README.txt", { mtime });
  zip.addReadStream(source, "cancelcase-export.json", { mtime });
  return { zip: zip.outputStream as Readable, exportedAt };
}
