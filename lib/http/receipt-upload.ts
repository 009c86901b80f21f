import "server-only";
import busboy from "busboy";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { fileTypeFromFile } from "file-type";
import { uploadMaxBytes } from "@/lib/config";
import { assertCaseExists } from "@/lib/data/case-ownership";
import { attachReceipt, type ReceiptDto } from "@/lib/data/receipts";
import type { Actor } from "@/lib/data/users";
import { EMAIL_SHOWN_BYTES, emailAsText } from "@/lib/documents/email-text";
import { classifyReceipt, cleanFileName } from "@/lib/domain/receipts";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { receiptStorage, type PendingFile, type ReceivedFile } from "@/lib/storage";
import { parseInput } from "@/lib/validation/parse";
import { receiptFieldsSchema } from "@/lib/validation/receipts";

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
  request: Request,
): Promise<ReceiptDto> {
  await assertCaseExists(actor, caseId);
  const { file, fields } = await receiveUpload(request, uploadMaxBytes());
  try {
    return await attachReceipt(actor, caseId, file, parseInput(receiptFieldsSchema, fields));
  } finally {
    await file.pending.discard();
  }
}

type ReceivedUpload = { file: ReceivedFile; fields: Record<string, string> };

// Multipart overhead (boundaries, part headers, small fields) on top of the file.
const ENVELOPE_BYTES = 64 * 1024;
const SNIFF_BYTES = 64 * 1024;

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
 * Streams a multipart upload (one part named "file", plus small fields) to a
 * temporary file while hashing and counting it: memory stays flat whatever
 * the size. Past `maxBytes` it is a 413; the type comes from the bytes (415
 * unless DESIGN.md accepts it). The caller commits or discards the file.
 */
async function receiveUpload(request: Request, maxBytes: number): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new AppError(
      "validation_failed",
      'Send the file as multipart/form-data in a part named "file".',
      {
        fields: { file: ["file_required"] },
      },
    );
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);

  const fields: Record<string, string> = {};
  let received:
    | Promise<{
        file: PendingFile;
        fileName: string;
        size: number;
        sha256: string;
        truncated: boolean;
      }>
    | undefined;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // One byte of slack tells "exactly the limit" from "over it".
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
  } catch {
    throw new AppError("validation_failed", "The multipart body is malformed.", {
      fields: { file: ["file_required"] },
    });
  }

  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || received) {
      stream.resume();
      return;
    }
    received = (async () => {
      const file = await receiptStorage().createPending();
      try {
        const hash = createHash("sha256");
        let size = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          hash.update(chunk);
          await file.write(chunk);
        }
        return {
          file,
          fileName: cleanFileName(info.filename),
          size,
          sha256: hash.digest("hex"),
          truncated: stream.truncated === true,
        };
      } catch (error) {
        await file.discard();
        throw error;
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    parser.once("close", resolve);
    parser.once("error", reject);
    const source = Readable.fromWeb(
      request.body as import("node:stream/web").ReadableStream<Uint8Array>,
    );
    source.once("error", reject);
    source.pipe(parser);
  }).catch(async (error) => {
    await (await received?.catch(() => undefined))?.file.discard();
    if (isAppError(error)) throw error;
    throw new AppError("validation_failed", "The upload was interrupted or malformed.", {
      fields: { file: ["file_required"] },
    });
  });

  if (!received)
    throw new AppError("validation_failed", "No file was sent.", {
      fields: { file: ["file_required"] },
    });
  const upload = await received;
  try {
    if (upload.truncated || upload.size > maxBytes) throw tooLarge(maxBytes);
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
    // An .eml must be one the receipt page can show: the same head, the same parser.
    if (mimeType === "message/rfc822")
      await emailAsText(await readHead(upload.file.tempPath, EMAIL_SHOWN_BYTES));
    return { file: { pending, fileName, size, sha256, mimeType }, fields };
  } catch (error) {
    await upload.file.discard();
    throw error;
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file is larger than the limit of ${maxBytes} bytes.`,
    {
      fields: { file: ["file_too_large"] },
    },
  );
}
