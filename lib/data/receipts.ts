import "server-only";
import type { Readable } from "node:stream";
import { userQuotaBytes } from "@/lib/config";
import { db } from "@/lib/db";
import type { ReceiptKind } from "@/lib/domain/receipts";
import { AppError } from "@/lib/errors";
import { receiptStorage } from "@/lib/storage";
import type { ReceivedUpload } from "@/lib/uploads";
import { notFound } from "./subscriptions";
import type { Actor } from "./users";

export type ReceiptDto = {
  id: string;
  caseId: string;
  noteId: string | null;
  kind: ReceiptKind;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
};

export const receiptSelect = {
  id: true,
  caseId: true,
  noteId: true,
  kind: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  uploadedAt: true,
} as const;

export const asReceipt = <T>(row: T) => row as T & ReceiptDto;

const receiptNotFound = () => notFound("Receipt");

/** 404 before any byte is read when the case is not the user's. */
export async function assertCaseExists(actor: Actor, caseId: string): Promise<void> {
  const found = await db.cancellationCase.count({ where: { id: caseId, userId: actor.id } });
  if (!found) throw notFound("Case");
}

/**
 * Stores a received upload as a receipt of the case: refuses a note of
 * another case, a duplicate of a file already on the case, and anything over
 * the user's quota. The file is fsynced and renamed into place before the row
 * is committed; if the row fails, the file goes.
 */
export async function attachReceipt(
  actor: Actor,
  caseId: string,
  upload: ReceivedUpload,
  meta: { kind: ReceiptKind; noteId: string | null },
): Promise<ReceiptDto> {
  await assertCaseExists(actor, caseId);
  if (meta.noteId) {
    const note = await db.note.count({ where: { id: meta.noteId, caseId, userId: actor.id } });
    if (!note) throw new AppError("validation_failed", "That note is not on this case.", { fields: { noteId: ["note_invalid"] } });
  }
  const duplicate = await db.receipt.findFirst({ where: { caseId, userId: actor.id, sha256: upload.sha256 }, select: { id: true } });
  if (duplicate) {
    throw new AppError("conflict", "This file is already attached to the case.", { fields: { file: ["file_duplicate"] } });
  }
  const storageKey = await upload.file.commit();
  try {
    // The quota check and the insert share one transaction, so parallel
    // uploads cannot each pass the check and together overrun the quota.
    const row = await db.$transaction(async (tx) => {
      const used = await tx.receipt.aggregate({ where: { userId: actor.id }, _sum: { size: true } });
      if ((used._sum.size ?? 0) + upload.size > userQuotaBytes()) {
        throw new AppError("payload_too_large", "This file would take you past your storage quota.", {
          fields: { file: ["quota_exceeded"] },
        });
      }
      return tx.receipt.create({
        data: {
          userId: actor.id,
          caseId,
          noteId: meta.noteId,
          kind: meta.kind,
          fileName: upload.fileName,
          mimeType: upload.mimeType,
          size: upload.size,
          sha256: upload.sha256,
          storageKey,
        },
        select: receiptSelect,
      });
    });
    return asReceipt(row);
  } catch (error) {
    await receiptStorage().remove(storageKey);
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "This file is already attached to the case.", { fields: { file: ["file_duplicate"] } });
    }
    throw error;
  }
}

export async function getReceipt(actor: Actor, id: string): Promise<ReceiptDto> {
  const row = await db.receipt.findFirst({ where: { id, userId: actor.id }, select: receiptSelect });
  if (!row) throw receiptNotFound();
  return asReceipt(row);
}

/** The receipt and its bytes, after the owner check. */
export async function openReceipt(actor: Actor, id: string): Promise<{ receipt: ReceiptDto; stream: Readable }> {
  const row = await db.receipt.findFirst({ where: { id, userId: actor.id }, select: { ...receiptSelect, storageKey: true } });
  if (!row) throw receiptNotFound();
  const { storageKey, ...receipt } = row;
  return { receipt: asReceipt(receipt), stream: receiptStorage().read(storageKey) };
}

/**
 * Deletes the row, then the file. A confirmed case without a confirmation
 * number keeps its last receipt: that is its proof (422).
 */
export async function deleteReceipt(actor: Actor, id: string): Promise<void> {
  const storageKey = await db.$transaction(async (tx) => {
    const row = await tx.receipt.findFirst({
      where: { id, userId: actor.id },
      select: { storageKey: true, case: { select: { id: true, state: true, confirmationNumber: true } } },
    });
    if (!row) throw receiptNotFound();
    if (row.case.state === "confirmation_received" && !row.case.confirmationNumber) {
      const count = await tx.receipt.count({ where: { caseId: row.case.id } });
      if (count <= 1) {
        throw new AppError("unprocessable", "This receipt is the only proof of a confirmed cancellation; add another or a confirmation number first.", {
          fields: { id: ["last_evidence"] },
        });
      }
    }
    await tx.receipt.delete({ where: { id } });
    return row.storageKey;
  });
  await receiptStorage().remove(storageKey);
}

/** At start-up: temporary files and files without a row are leftovers of a crash. */
export async function sweepReceiptFiles(): Promise<{ removed: number }> {
  const rows = await db.receipt.findMany({ select: { storageKey: true } });
  return receiptStorage().sweep(new Set(rows.map((row) => row.storageKey)));
}

/** The first `maxBytes` of a receipt, for showing a text or .eml file as plain text. */
export async function readReceiptHead(actor: Actor, id: string, maxBytes: number): Promise<{ receipt: ReceiptDto; bytes: Buffer }> {
  const { receipt, stream } = await openReceipt(actor, id);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total >= maxBytes) break;
  }
  stream.destroy();
  return { receipt, bytes: Buffer.concat(chunks).subarray(0, maxBytes) };
}
