import "server-only";
import { receiptSweepGraceMs } from "@/lib/config";
import { db } from "@/lib/db/client";
import { receiptStorage } from "@/lib/storage";

// Every user's receipts at once (hence lib/data/system/): the start-up sweep.

/**
 * At start-up: temporary files and files without a row are leftovers of a
 * crash, once they are older than the grace. Younger ones may be another
 * instance's (on the same disk or bucket) between committing its file and
 * writing its row, or still being received; the rows are read before the
 * files are listed, so a row written meanwhile is always that young.
 */
export async function sweepReceiptFiles(now = Date.now()): Promise<{ removed: number }> {
  const rows = await db.receipt.findMany({ select: { storageKey: true } });
  const before = new Date(now - receiptSweepGraceMs());
  return receiptStorage().sweep(new Set(rows.map((row) => row.storageKey)), before);
}
