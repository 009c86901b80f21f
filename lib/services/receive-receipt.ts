import "server-only";
import fs from "node:fs";
import { fileTypeFromFile } from "file-type";
import { uploadMaxBytes } from "@/lib/config";
import { assertCaseExists } from "@/lib/data/case-ownership";
import { attachReceipt, type ReceiptDto } from "@/lib/data/receipts";
import type { Actor } from "@/lib/data/users";
import { EMAIL_SHOWN_BYTES } from "@/lib/documents/email-text";
import { classifyReceipt, EMAIL_SNIFF_BYTES } from "@/lib/domain/receipts";
import { AppError } from "@/lib/errors/app-error";
import type { ReceivedFile } from "@/lib/storage";
import type { ReceiveUpload } from "./received-upload";
import { parseInput } from "@/lib/validation/parse";
import { receiptFieldsSchema } from "@/lib/validation/receipts";
import { readUploadInPool } from "@/lib/workers/pool";

/**
 * The one way a receipt comes in: the case is checked before any byte is
 * read (404), the body streams to a temporary file while it is hashed and
 * counted (413 past UPLOAD_MAX_BYTES), the type is sniffed from the bytes
 * (415), the small fields are validated (400), and only then is the file
 * committed with its row. Whatever fails, no temporary file stays behind.
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

const SNIFF_BYTES = EMAIL_SNIFF_BYTES;

async function readHead(file: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A receipt's upload: the type comes from the bytes (415 unless it is one
 * of the accepted kinds). The caller commits or discards the file.
 */
async function receiveUpload(receive: ReceiveUpload, maxBytes: number): Promise<ReceivedReceipt> {
  const { upload, fields } = await receive(maxBytes);
  try {
    const mimeType = classifyReceipt(
      (await fileTypeFromFile(upload.file.tempPath))?.mime,
      await readHead(upload.file.tempPath),
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
      const bytes = await readHead(upload.file.tempPath, EMAIL_SHOWN_BYTES);
      await readUploadInPool({ kind: "email", bytes });
    }
    return { file: { pending, fileName, size, sha256, mimeType }, fields };
  } catch (error) {
    await upload.file.discard();
    throw error;
  }
}
