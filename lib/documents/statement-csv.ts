import { parse } from "csv-parse";
import { Transform, type Readable } from "node:stream";
import { detectMapping, HEADER_SEARCH_ROWS } from "@/lib/domain/statement-layouts";
import {
  rowsBeforeLines,
  toStatementLine,
  type ColumnMapping,
  type StatementLine,
} from "@/lib/domain/statements";
import { AppError } from "@/lib/errors/app-error";
import { bomEncoding, decoderFor, sniffEncoding, type StreamDecoder } from "./text-encoding";

// A statement CSV, streamed with csv-parse (the maintained Node.js CSV
// parser; it reads a stream record by record, so a 50,000-row file never
// sits in memory): the first rows pick the column mapping (or the user's
// mapping is used), then lines come out in batches. A row that is not a
// statement line stops the whole file with its row number: a bad file
// imports nothing.

export const STATEMENT_ROWS_MAX = 100_000;
const SAMPLE_ROWS = 20;
const BATCH = 500;

function unreadable(code: string, english: string, row?: number): AppError {
  return new AppError("validation_failed", row ? `Row ${row}: ${english}` : english, {
    fields: { file: [code] },
    ...(row ? { formMessage: { key: `errors.${code}` }, details: { row } } : {}),
  });
}

/** How many bytes from the first non-ASCII one decide a file's encoding. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The file's bytes as text, decoded as they stream: a byte-order mark says
 * UTF-8 or UTF-16; otherwise ASCII passes as it is (every candidate agrees
 * on it) until the first byte above 0x7F, and the 64 KiB from there decide
 * between UTF-8, GB18030 and windows-1252 (lib/documents/text-encoding.ts).
 * Text given as strings (tests) passes through.
 */
function decodedText(source: Readable): Readable {
  let decoder: StreamDecoder | null = null;
  let started = false;
  let pending: Buffer = Buffer.alloc(0);
  const settle = (push: (text: string) => void, final: boolean) => {
    if (!started) {
      if (pending.length < 3 && !final) return;
      started = true;
      const bom = bomEncoding(pending);
      if (bom) decoder = decoderFor(bom);
    }
    if (!decoder) {
      const high = pending.findIndex((byte) => byte >= 0x80);
      if (high < 0) {
        push(pending.toString("latin1"));
        pending = Buffer.alloc(0);
        return;
      }
      if (high > 0) {
        push(pending.subarray(0, high).toString("latin1"));
        pending = pending.subarray(high);
      }
      if (pending.length < SNIFF_BYTES && !final) return;
      decoder = decoderFor(sniffEncoding(pending));
    }
    push(decoder.decode(pending, { stream: !final }));
    pending = Buffer.alloc(0);
  };
  const transform = new Transform({
    writableObjectMode: true,
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding, done) {
      if (typeof chunk === "string") {
        if (chunk) this.push(chunk);
        return done();
      }
      const push = (text: string) => {
        if (text) this.push(text);
      };
      if (decoder) push(decoder.decode(chunk, { stream: true }));
      else {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        settle(push, false);
      }
      done();
    },
    flush(done) {
      const push = (text: string) => {
        if (text) this.push(text);
      };
      if (decoder && pending.length === 0) push(decoder.decode());
      else settle(push, true);
      done();
    },
  });
  source.once("error", (error) => transform.destroy(error));
  return source.pipe(transform);
}

export type CsvStatement = {
  mapping: ColumnMapping;
  issuer: string | null;
  /** Every line, a batch at a time, in file order. */
  batches: AsyncGenerator<StatementLine[]>;
};

/**
 * Opens a statement: reads just enough to know its columns (and throws when
 * they cannot be told, or when the sign of a charge is not known and not
 * given as `charges`), then hands out its lines as they are read.
 */
export async function openCsvStatement(
  source: Readable,
  given?: ColumnMapping,
  charges?: ColumnMapping["charges"],
): Promise<CsvStatement> {
  const parser = decodedText(source).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
    }),
  );
  source.once("error", (error) => parser.destroy(error as Error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const next = async (): Promise<string[] | null> => {
    try {
      const { value, done } = await records.next();
      return done ? null : value;
    } catch {
      throw unreadable("statement_malformed", "The file is not a readable CSV file.");
    }
  };

  const head: string[][] = [];
  for (let i = 0; i < SAMPLE_ROWS + HEADER_SEARCH_ROWS; i++) {
    const record = await next();
    if (!record) break;
    head.push(record);
  }
  if (head.length === 0) throw unreadable("statement_empty", "The file has no rows.");
  const detected = given ? { mapping: given, issuer: null, signKnown: true } : detectMapping(head);
  if (!detected) {
    parser.destroy();
    source.destroy();
    throw unreadable(
      "statement_columns_unknown",
      "The date, description and amount columns could not be found; say which they are.",
    );
  }
  const mapping: ColumnMapping =
    charges && detected.mapping.amount !== undefined
      ? { ...detected.mapping, charges }
      : detected.mapping;
  if (!detected.signKnown && !charges && mapping.amount !== undefined) {
    parser.destroy();
    source.destroy();
    throw new AppError(
      "unprocessable",
      "Whether this file's charges are positive or negative amounts cannot be told from it; send charges=negative or charges=positive.",
      { fields: { charges: ["statement_sign_unknown"] } },
    );
  }
  const skip = rowsBeforeLines(mapping);

  async function* batches(): AsyncGenerator<StatementLine[]> {
    let rowNumber = 0;
    let batch: StatementLine[] = [];
    let lines = 0;
    const take = (record: string[]) => {
      rowNumber += 1;
      if (rowNumber <= skip) return;
      const line = toStatementLine(record, mapping);
      if (line === "skip") return;
      if (line === "bad_date") {
        throw unreadable("statement_bad_date", "the date is not a date.", rowNumber);
      }
      if (line === "inexact_amount") {
        throw unreadable(
          "statement_amount_inexact",
          "the amount has more decimals than the currency has cents; nothing was imported.",
          rowNumber,
        );
      }
      if (line === "bad_amount") {
        throw unreadable("statement_bad_amount", "the amount is not an amount.", rowNumber);
      }
      lines += 1;
      if (lines > STATEMENT_ROWS_MAX) {
        throw unreadable(
          "statement_too_many_rows",
          `A statement can hold at most ${STATEMENT_ROWS_MAX} lines.`,
        );
      }
      batch.push(line);
    };
    try {
      for (const record of head) take(record);
      for (let record = await next(); record; record = await next()) {
        take(record);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      if (lines === 0) throw unreadable("statement_empty", "The file has no statement lines.");
    } finally {
      parser.destroy();
    }
  }

  return { mapping, issuer: detected.issuer, batches: batches() };
}
