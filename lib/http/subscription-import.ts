import "server-only";
import fs from "node:fs";
import { importSubscriptions } from "@/lib/data/subscription-imports";
import type { Actor } from "@/lib/data/users";
import type { SkipReason, SourceFormat } from "@/lib/domain/subscription-import";
import { readUploadInPool } from "@/lib/workers/pool";
import { receiveMultipart } from "./multipart";

// POST /api/v1/subscriptions/import: subscriptions from another tracker
// (Wallos's JSON or CSV export, or a CSV with CancelCase's field names).
// `dryRun=true` answers what would be imported and what not, writing
// nothing; without it the good rows are stored and the others listed. The
// file is read by lib/documents/subscription-file.ts, in the worker pool.

const FILE_MAX_BYTES = 2 * 1024 * 1024;

export type SubscriptionImportResult = {
  format: SourceFormat;
  dryRun: boolean;
  rows: number;
  imported: {
    row: number;
    provider: string;
    amount: number;
    currency: string;
    billingCycle: string;
  }[];
  skipped: { row: number; name: string | null; reason: SkipReason }[];
};

export async function importSubscriptionFile(
  actor: Actor,
  request: Request,
): Promise<SubscriptionImportResult> {
  const { upload, fields } = await receiveMultipart(request, FILE_MAX_BYTES);
  try {
    const dryRun = fields.dryRun === "true";
    const text = await fs.promises.readFile(upload.file.tempPath, "utf8");
    // Parsed and checked in the worker pool (lib/workers/pool.ts), off the serving thread.
    const { format, rows, good, skipped } = await readUploadInPool({
      kind: "subscriptions",
      text,
    });
    const { duplicates } = await importSubscriptions(
      actor,
      good.map((g) => g.subscription),
      { dryRun },
    );
    const duplicate = new Set(duplicates);
    for (const index of duplicates) {
      skipped.push({
        row: good[index]!.row,
        name: good[index]!.subscription.provider,
        reason: "already_kept",
      });
    }
    skipped.sort((a, b) => a.row - b.row);
    return {
      format,
      dryRun,
      rows,
      imported: good
        .filter((_, index) => !duplicate.has(index))
        .map(({ row, subscription: s }) => ({
          row,
          provider: s.provider,
          amount: s.amount,
          currency: s.currency,
          billingCycle: s.billingCycle,
        })),
      skipped,
    };
  } finally {
    await upload.file.discard();
  }
}
