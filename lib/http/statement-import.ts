import "server-only";
import fs from "node:fs";
import {
  assertRoomForLines,
  createImport,
  finishImport,
  getImport,
  insertLines,
  type ImportDto,
  type ImportMeta,
  type NewLine,
} from "@/lib/data/statement-imports";
import { subscriptionPatterns } from "@/lib/data/transactions";
import type { Actor } from "@/lib/data/users";
import { openCsvStatement } from "@/lib/documents/statement-csv";
import { parseOfxStatement } from "@/lib/documents/statement-ofx";
import { subscriptionMatcher } from "@/lib/domain/charges";
import { DedupeKeys, type ColumnMapping, type StatementLine } from "@/lib/domain/statements";
import { AppError } from "@/lib/errors/app-error";
import { importFieldsSchema } from "@/lib/validation/imports";
import { parseInput } from "@/lib/validation/parse";
import { receiveMultipart } from "./multipart";

// POST /api/v1/imports: a statement file in, its lines stored once each.
// The file streams to a temporary file (20 MiB at most); a first pass reads
// it all and refuses a bad file before anything is written (a bad row names
// itself); a second pass stores it in batches, matching each line to a
// subscription. The limit on lines is checked before each pass's work.

export const STATEMENT_MAX_BYTES = 20 * 1024 * 1024;
const OFX_MAX_BYTES = 8 * 1024 * 1024;

type Statement = {
  meta: Omit<ImportMeta, "account" | "fileName">;
  mapping: ColumnMapping | null;
  currency: string;
  lines: number;
  /** The lines again, a batch at a time (CSV: read from the file again). */
  batches: () => AsyncIterable<(StatementLine & { fitId?: string | null })[]>;
};

async function readCsv(
  path: string,
  mapping: ColumnMapping | undefined,
  charges: ColumnMapping["charges"] | undefined,
): Promise<Statement> {
  const first = await openCsvStatement(fs.createReadStream(path), mapping, charges);
  let lines = 0;
  let start: string | null = null;
  let end: string | null = null;
  for await (const batch of first.batches) {
    lines += batch.length;
    for (const line of batch) {
      if (!start || line.postedOn < start) start = line.postedOn;
      if (!end || line.postedOn > end) end = line.postedOn;
    }
  }
  return {
    meta: {
      format: "csv",
      issuer: first.issuer,
      periodStart: start,
      periodEnd: end,
      statementDate: null,
    },
    mapping: first.mapping,
    currency: "USD",
    lines,
    batches: async function* () {
      const again = await openCsvStatement(fs.createReadStream(path), first.mapping);
      yield* again.batches;
    },
  };
}

async function readOfx(path: string, size: number): Promise<Statement> {
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
    currency: statement.currency ?? "USD",
    lines: statement.lines.length,
    batches: async function* () {
      for (let i = 0; i < statement.lines.length; i += 500) yield statement.lines.slice(i, i + 500);
    },
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

export type ImportResult = ImportDto & { matched: number; mapping: ColumnMapping | null };

export async function importStatement(actor: Actor, request: Request): Promise<ImportResult> {
  await assertRoomForLines(actor, 0);
  const { upload, fields } = await receiveMultipart(request, STATEMENT_MAX_BYTES);
  try {
    const input = parseInput(importFieldsSchema, fields);
    const path = upload.file.tempPath;
    const format = input.format ?? ((await looksLikeOfx(path)) ? "ofx" : "csv");
    const statement =
      format === "ofx"
        ? await readOfx(path, upload.size)
        : await readCsv(path, input.mapping, input.charges);
    await assertRoomForLines(actor, statement.lines);

    const meta: ImportMeta = {
      ...statement.meta,
      account: input.account,
      fileName: upload.fileName,
      statementDate: statement.meta.statementDate ?? input.statementDate ?? null,
    };
    const match = subscriptionMatcher(await subscriptionPatterns(actor));
    const importId = await createImport(actor, meta);
    const keys = new DedupeKeys(meta.account);
    const counts = { lines: 0, added: 0, duplicates: 0 };
    let matched = 0;
    for await (const batch of statement.batches()) {
      const lines: (NewLine & { subscriptionId: string | null })[] = batch.map((line) => {
        const subscriptionId = match(line.description);
        if (subscriptionId) matched += 1;
        return {
          postedOn: line.postedOn,
          description: line.description,
          amount: line.amount,
          currency: statement.currency,
          key: keys.keyOf(line),
          legacyKey: keys.legacyKeyOf(line),
          subscriptionId,
        };
      });
      const stored = await insertLines(actor, importId, meta, lines);
      counts.lines += lines.length;
      counts.added += stored.added;
      counts.duplicates += stored.duplicates;
    }
    await finishImport(importId, counts);
    return { ...(await getImport(actor, importId)), matched, mapping: statement.mapping };
  } finally {
    await upload.file.discard();
  }
}
