import "server-only";
import { db } from "@/lib/db/client";
import { receiptStorage } from "@/lib/storage";

// Every user's receipts at once (hence lib/data/system/): the start-up sweep.

/** At start-up: temporary files and files without a row are leftovers of a crash. */
export async function sweepReceiptFiles(): Promise<{ removed: number }> {
  const rows = await db.receipt.findMany({ select: { storageKey: true } });
  return receiptStorage().sweep(new Set(rows.map((row) => row.storageKey)));
}
