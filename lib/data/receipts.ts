import "server-only";
import type { Readable } from "node:stream";
import { receiptsPerCaseLimit, userQuotaBytes } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PageQuery } from "@/lib/validation/fields";
import { RECEIPT_KINDS, type ReceiptKind } from "@/lib/domain/receipt-kinds";
import { hasProof } from "@/lib/domain/case-workflow";
import { AppError } from "@/lib/errors/app-error";
import { receiptStorage, StoredFileMissing, type ReceivedFile } from "@/lib/storage";
import { recordChange } from "./case-changes";
import { assertCaseExists } from "./case-ownership";
import { fromColumn } from "./columns";
import { isUniqueViolation, limitReachedError, notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
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
} as const satisfies Record<keyof ReceiptDto, true>;

type ReceiptRow = Prisma.ReceiptGetPayload<{ select: typeof receiptSelect }>;

export function toReceiptDto(row: ReceiptRow): ReceiptDto {
  return { ...row, kind: fromColumn(RECEIPT_KINDS, row.kind) };
}

const receiptNotFound = () => notFoundError("Receipt");
const caseNotFound = () => notFoundError("Case");

function duplicateFile(): AppError {
  return new AppError("conflict", "This file is already attached to the case.", {
    fields: { file: ["file_duplicate"] },
  });
}

/**
 * Commits a received file as a receipt of the case: refuses a note of
 * another case, a duplicate of a file already on the case, and anything over
 * the user's quota. The file is fsynced and renamed into place before the row
 * is committed; if the row fails, the file goes. The case's ownership is
 * checked again inside the transaction: it may have gone while the bytes
 * arrived.
 */
export async function attachReceipt(
  actor: Actor,
  caseId: string,
  file: ReceivedFile,
  meta: { kind: ReceiptKind; noteId: string | null },
): Promise<ReceiptDto> {
  const duplicate = await db.receipt.findFirst({
    where: { caseId, userId: actor.id, sha256: file.sha256 },
    select: { id: true },
  });
  if (duplicate) throw duplicateFile();
  const storageKey = await file.pending.commit();
  try {
    // The quota check and the insert share one transaction, so parallel
    // uploads cannot each pass the check and together overrun the quota.
    const row = await db.$transaction(async (tx) => {
      const kase = await tx.cancellationCase.count({ where: { id: caseId, userId: actor.id } });
      if (!kase) throw caseNotFound();
      if (meta.noteId) {
        const note = await tx.note.count({ where: { id: meta.noteId, caseId, userId: actor.id } });
        if (!note)
          throw new AppError("validation_failed", "That note is not on this case.", {
            fields: { noteId: ["note_invalid"] },
          });
      }
      const limit = receiptsPerCaseLimit();
      if ((await tx.receipt.count({ where: { caseId } })) >= limit) {
        throw limitReachedError(
          "receipts",
          limit,
          `This case already holds ${limit} receipts, the most one case can keep.`,
        );
      }
      const used = await tx.receipt.aggregate({
        where: { userId: actor.id },
        _sum: { size: true },
      });
      if ((used._sum.size ?? 0) + file.size > userQuotaBytes()) {
        throw new AppError(
          "payload_too_large",
          "This file would take you past your storage quota.",
          {
            fields: { file: ["quota_exceeded"] },
          },
        );
      }
      return tx.receipt.create({
        data: {
          userId: actor.id,
          caseId,
          noteId: meta.noteId,
          kind: meta.kind,
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: file.size,
          sha256: file.sha256,
          storageKey,
        },
        select: receiptSelect,
      });
    });
    return toReceiptDto(row);
  } catch (error) {
    await receiptStorage().remove(storageKey);
    if (isUniqueViolation(error)) throw duplicateFile();
    throw error;
  }
}

/** A case's receipts, newest first, a page at a time. */
export async function listCaseReceipts(
  actor: Actor,
  caseId: string,
  query: PageQuery,
): Promise<Page<ReceiptDto>> {
  const rows = await db.receipt.findMany({
    where: { caseId, userId: actor.id, ...afterCursor("uploadedAt", query.cursor) },
    orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: receiptSelect,
  });
  if (rows.length === 0) await assertCaseExists(actor, caseId);
  return toPage(rows.map(toReceiptDto), query.limit, (row) => row.uploadedAt);
}

export async function getReceipt(actor: Actor, id: string): Promise<ReceiptDto> {
  const row = await db.receipt.findFirst({
    where: { id, userId: actor.id },
    select: receiptSelect,
  });
  if (!row) throw receiptNotFound();
  return toReceiptDto(row);
}

/** The receipt and its bytes, after the owner check. */
export async function openReceipt(
  actor: Actor,
  id: string,
): Promise<{ receipt: ReceiptDto; stream: Readable }> {
  const row = await db.receipt.findFirst({
    where: { id, userId: actor.id },
    select: { ...receiptSelect, storageKey: true },
  });
  if (!row) throw receiptNotFound();
  const { storageKey, ...receipt } = row;
  const stream = await receiptStorage()
    .open(storageKey)
    .catch((error: unknown) => {
      if (!(error instanceof StoredFileMissing)) throw error;
      console.error(`Receipt ${receipt.id}: its file is missing from storage`);
      throw new AppError("gone", "This receipt's file is missing from storage.");
    });
  return { receipt: toReceiptDto(receipt), stream };
}

/**
 * Deletes the row, then the file. A confirmed case without a confirmation
 * number keeps its last receipt: that is its proof (422).
 */
export async function deleteReceipt(actor: Actor, id: string): Promise<void> {
  const storageKey = await db.$transaction(async (tx) => {
    const row = await tx.receipt.findFirst({
      where: { id, userId: actor.id },
      select: {
        storageKey: true,
        fileName: true,
        kind: true,
        size: true,
        sha256: true,
        uploadedAt: true,
        case: { select: { id: true, state: true, confirmationNumber: true } },
      },
    });
    if (!row) throw receiptNotFound();
    if (row.case.state === "confirmation_received") {
      const count = await tx.receipt.count({ where: { caseId: row.case.id } });
      const after = { confirmationNumber: row.case.confirmationNumber, receiptCount: count - 1 };
      if (!hasProof(after)) {
        throw new AppError(
          "unprocessable",
          "This receipt is the only proof of a confirmed cancellation; add another or a confirmation number first.",
          {
            fields: { id: ["last_evidence"] },
          },
        );
      }
    }
    const { storageKey, case: kase, uploadedAt, ...receipt } = row;
    await recordChange(tx, actor, kase.id, {
      kind: "receipt_deleted",
      receipt: { ...receipt, uploadedAt: uploadedAt.toISOString() },
    });
    await tx.receipt.delete({ where: { id } });
    return storageKey;
  });
  await receiptStorage().remove(storageKey);
}

/**
 * Removes the files of receipt rows that a delete has just committed (a
 * subscription with its cases, an account), in the same request: deleting
 * deletes, and the quota never counts less than the disk holds. A file that
 * cannot be removed now is left to the start-up sweep.
 */
export async function removeReceiptFiles(storageKeys: readonly string[]): Promise<void> {
  const storage = receiptStorage();
  for (let i = 0; i < storageKeys.length; i += 16) {
    await Promise.all(
      storageKeys.slice(i, i + 16).map((key) =>
        storage.remove(key).catch((error: unknown) => {
          console.error(
            "A deleted receipt's file could not be removed; the next start sweeps it",
            error,
          );
        }),
      ),
    );
  }
}

/** The first `maxBytes` of a receipt, for showing a text or .eml file as plain text. */
export async function readReceiptHead(
  actor: Actor,
  id: string,
  maxBytes: number,
): Promise<{ receipt: ReceiptDto; bytes: Buffer }> {
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
