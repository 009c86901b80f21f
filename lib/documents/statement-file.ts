import fs from "node:fs";
import type { OfxAccountType } from "@/lib/domain/account-kinds";
import type { ImportMeta } from "@/lib/data/statement-imports";
import type { ColumnMapping, StatementLine } from "@/lib/domain/statements";
import { AppError } from "@/lib/errors/app-error";
import { openCsvStatement } from "./statement-csv";
import { parseOfxStatement } from "./statement-ofx";

// A whole statement file read to plain lines, for the worker pool
// (lib/workers/hostile-jobs.ts): the parsers run there, off the thread that
// serves requests, and only these plain values come back. The lines are
// counted against the room the user has left while they are read, so a file
// with too many stops there.

const OFX_MAX_BYTES = 8 * 1024 * 1024;

export type StatementFile = {
  meta: Omit<ImportMeta, "account" | "fileName">;
  mapping: ColumnMapping | null;
  /** An OFX file's account type (a credit card's or a bank's statement); null for a CSV. */
  ofxAccountType: OfxAccountType | null;
  currency: string;
  /** More lines than `room`: the lines were not all read, and none should be stored. */
  overRoom: boolean;
  lines: (StatementLine & { fitId?: string | null })[];
};

async function readCsv(
  path: string,
  mapping: ColumnMapping | undefined,
  charges: ColumnMapping["charges"] | undefined,
  room: number,
): Promise<StatementFile> {
  const csv = await openCsvStatement(fs.createReadStream(path), mapping, charges);
  const lines: StatementLine[] = [];
  let start: string | null = null;
  let end: string | null = null;
  for await (const batch of csv.batches) {
    for (const line of batch) {
      if (!start || line.postedOn < start) start = line.postedOn;
      if (!end || line.postedOn > end) end = line.postedOn;
    }
    lines.push(...batch);
    if (lines.length > room) {
      await csv.batches.return(undefined);
      break;
    }
  }
  return {
    meta: {
      format: "csv",
      issuer: csv.issuer,
      periodStart: start,
      periodEnd: end,
      statementDate: null,
    },
    mapping: csv.mapping,
    ofxAccountType: null,
    currency: "USD",
    overRoom: lines.length > room,
    lines: lines.length > room ? [] : lines,
  };
}

async function readOfx(path: string, size: number, room: number): Promise<StatementFile> {
  if (size > OFX_MAX_BYTES) {
    throw new AppError("payload_too_large", "An OFX file can be at most 8 MiB.", {
      fields: { file: ["file_too_large"] },
    });
  }
  // The bytes, not text: the file's header says how to decode them.
  const statement = parseOfxStatement(await fs.promises.readFile(path));
  const postedDates = statement.lines.map((l) => l.postedOn).sort();
  return {
    meta: {
      format: "ofx",
      issuer: null,
      periodStart: statement.period?.start ?? postedDates[0] ?? null,
      periodEnd: statement.period?.end ?? postedDates.at(-1) ?? null,
      statementDate: statement.statementDate,
    },
    mapping: null,
    ofxAccountType: statement.accountType,
    currency: statement.currency ?? "USD",
    overRoom: statement.lines.length > room,
    lines: statement.lines.length > room ? [] : statement.lines,
  };
}

async function looksLikeOfx(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, "r");
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /<OFX>|OFXHEADER/i.test(head.subarray(0, bytesRead).toString("latin1"));
  } finally {
    await handle.close();
  }
}

export async function readStatementFile(input: {
  path: string;
  size: number;
  format?: "csv" | "ofx";
  mapping?: ColumnMapping;
  charges?: ColumnMapping["charges"];
  room: number;
}): Promise<StatementFile> {
  const format = input.format ?? ((await looksLikeOfx(input.path)) ? "ofx" : "csv");
  return format === "ofx"
    ? readOfx(input.path, input.size, input.room)
    : readCsv(input.path, input.mapping, input.charges, input.room);
}
