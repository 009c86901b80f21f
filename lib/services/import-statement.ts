import "server-only";
import {
  assertRoomForImport,
  assertRoomForLines,
  createImport,
  finishImport,
  getImport,
  insertLines,
  roomForLines,
  type ImportDto,
  type ImportMeta,
  type NewLine,
} from "@/lib/data/statement-imports";
import { rememberAccountKind } from "@/lib/data/statement-accounts";
import { subscriptionPatterns } from "@/lib/data/transactions";
import type { Actor } from "@/lib/data/users";
import { defaultAccountKind } from "@/lib/domain/account-kinds";
import { subscriptionMatcher } from "@/lib/domain/charges";
import { DedupeKeys, type ColumnMapping } from "@/lib/domain/statements";
import { importFieldsSchema } from "@/lib/validation/imports";
import { parseInput } from "@/lib/validation/parse";
import { readUploadInPool } from "@/lib/workers/pool";
import { createScratchFile } from "@/lib/workers/scratch-file";
import type { ReceiveUpload } from "./received-upload";

// A statement file in (POST /api/v1/imports), its lines stored once each.
// The file streams to a scratch file (20 MiB at most); the worker pool
// (lib/workers/pool.ts) reads it all, off the serving thread, and refuses a
// bad file before anything is written (a bad row names itself); then its
// lines are stored in batches, each matched to a subscription, letting
// other requests through between two batches. The limit on
// lines is counted before the read (the pool stops past the room left) and
// again before anything is stored.

export const STATEMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Lines stored per transaction; between two, the event loop turns (see below). */
const BATCH = 200;

export type ImportResult = ImportDto & { matched: number; mapping: ColumnMapping | null };

export async function importStatement(actor: Actor, receive: ReceiveUpload): Promise<ImportResult> {
  await assertRoomForLines(actor, 0);
  await assertRoomForImport(actor);
  const { upload, fields } = await receive(STATEMENT_MAX_BYTES, { into: createScratchFile });
  try {
    const input = parseInput(importFieldsSchema, fields);
    const room = await roomForLines(actor);
    const statement = await readUploadInPool({
      kind: "statement",
      path: upload.file.path,
      size: upload.size,
      format: input.format,
      mapping: input.mapping,
      charges: input.charges,
      room,
    });
    await assertRoomForLines(actor, statement.overRoom ? room + 1 : statement.lines.length);

    const meta: ImportMeta = {
      ...statement.meta,
      account: input.account,
      fileName: upload.fileName,
      statementDate: statement.meta.statementDate ?? input.statementDate ?? null,
    };
    // Before the lines: a charge among them is flagged under its account's law from the start.
    await rememberAccountKind(
      actor,
      meta.account,
      input.accountKind,
      defaultAccountKind({ ofxAccountType: statement.ofxAccountType, issuer: meta.issuer }),
    );
    const match = subscriptionMatcher(await subscriptionPatterns(actor));
    const importId = await createImport(actor, meta);
    const keys = new DedupeKeys(meta.account);
    const counts = { lines: 0, added: 0, duplicates: 0 };
    let matched = 0;
    for (let start = 0; start < statement.lines.length; start += BATCH) {
      const batch = statement.lines.slice(start, start + BATCH);
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
      // Prisma's calls on better-sqlite3 resolve as microtasks: without this, the batches run
      // back to back and no other request is answered until the last one (8.7 s for 20,000 lines).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await finishImport(importId, counts);
    return { ...(await getImport(actor, importId)), matched, mapping: statement.mapping };
  } finally {
    await upload.file.discard();
  }
}
