import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import {
  detectMapping,
  toStatementLine,
  type ColumnMapping,
  type StatementLine,
} from "@/lib/domain/statements";
import { AppError } from "@/lib/errors/app-error";

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
    ...(row ? { formMessage: { key: `errors.${code}`, values: { row } } } : {}),
  });
}

export type CsvStatement = {
  mapping: ColumnMapping;
  issuer: string | null;
  /** Every line, a batch at a time, in file order. */
  batches: AsyncGenerator<StatementLine[]>;
};

/**
 * Opens a statement: reads just enough to know its columns (and throws when
 * they cannot be told), then hands out its lines as they are read.
 */
export async function openCsvStatement(
  source: Readable,
  given?: ColumnMapping,
): Promise<CsvStatement> {
  const parser = source.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
    }),
  );
  source.once("error", (error) => parser.destroy(error));
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
  for (let i = 0; i <= SAMPLE_ROWS; i++) {
    const record = await next();
    if (!record) break;
    head.push(record);
  }
  if (head.length === 0) throw unreadable("statement_empty", "The file has no rows.");
  const detected = given
    ? { mapping: given, issuer: null }
    : detectMapping(head[0]!, head.slice(1));
  if (!detected) {
    throw unreadable(
      "statement_columns_unknown",
      "The date, description and amount columns could not be found; say which they are.",
    );
  }
  const { mapping } = detected;

  async function* batches(): AsyncGenerator<StatementLine[]> {
    let rowNumber = 0;
    let batch: StatementLine[] = [];
    let lines = 0;
    const take = (record: string[]) => {
      rowNumber += 1;
      if (rowNumber === 1 && mapping.header) return;
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
