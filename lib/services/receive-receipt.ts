import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { uploadMaxBytes } from "@/lib/config";
import { assertCaseExists } from "@/lib/data/case-ownership";
import { attachReceipt, type ReceiptDto } from "@/lib/data/receipts";
import type { Actor } from "@/lib/data/users";
import { EMAIL_SHOWN_BYTES } from "@/lib/documents/email-text";
import { classifyReceipt, EMAIL_SNIFF_BYTES } from "@/lib/domain/receipts";
import { AppError } from "@/lib/errors/app-error";
import { receiptStorage, type ReceivedFile } from "@/lib/storage";
import type { ReceiveUpload } from "./received-upload";
import { parseInput } from "@/lib/validation/parse";
import { receiptFieldsSchema } from "@/lib/validation/receipts";
import { readUploadInPool } from "@/lib/workers/pool";

/**
 * The one way a receipt comes in: the case is checked before any byte is
 * read (404), the body streams into receipt storage's pending file while it
 * is hashed and counted (413 past UPLOAD_MAX_BYTES), the type is sniffed from
 * its first bytes (415), the small fields are validated (400), and only then
 * is the file committed with its row. Whatever fails, the pending file goes.
 * The errors keep their codes and field keys, which the browser's uploader
 * translates.
 */
export async function receiveReceipt(
  actor: Actor,
  caseId: string,
  receive: ReceiveUpload,
): Promise<ReceiptDto> {
  await assertCaseExists(actor, caseId);
  const { file, fields } = await receiveUpload(receive, uploadMaxBytes());
  try {
    return await attachReceipt(actor, caseId, file, parseInput(receiptFieldsSchema, fields));
  } finally {
    await file.pending.discard();
  }
}

type ReceivedReceipt = { file: ReceivedFile; fields: Record<string, string> };

/**
 * A receipt's upload: the type comes from the bytes (415 unless it is one
 * of the accepted kinds). The caller commits or discards the file.
 */
async function receiveUpload(receive: ReceiveUpload, maxBytes: number): Promise<ReceivedReceipt> {
  // The head an .eml is shown from (and checked by) is the most any sniff needs.
  const { upload, fields } = await receive(maxBytes, {
    into: () => receiptStorage().createPending(),
    headBytes: Math.max(EMAIL_SNIFF_BYTES, EMAIL_SHOWN_BYTES),
  });
  try {
    const mimeType = classifyReceipt(
      (await fileTypeFromBuffer(upload.head))?.mime,
      upload.head.subarray(0, EMAIL_SNIFF_BYTES),
    );
    if (!mimeType) {
      throw new AppError(
        "unsupported_media_type",
        "Only PDF, PNG, JPEG, WebP, HEIC, plain text and .eml files can be attached.",
        {
          fields: { file: [upload.size === 0 ? "file_empty" : "file_type_refused"] },
        },
      );
    }
    const { file: pending, fileName, size, sha256 } = upload;
    // An .eml must be one the receipt page can show: the same head, the same parser (in the pool).
    if (mimeType === "message/rfc822") {
      await readUploadInPool({ kind: "email", bytes: upload.head.subarray(0, EMAIL_SHOWN_BYTES) });
    }
    return { file: { pending, fileName, size, sha256, mimeType }, fields };
  } catch (error) {
    await upload.file.discard();
    throw error;
  }
}
