import "server-only";
import busboy from "busboy";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { cleanFileName } from "@/lib/domain/receipts";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type {
  ReceivedUpload,
  ReceiveUpload,
  UploadSink,
  UploadTarget,
} from "@/lib/services/received-upload";

// A multipart upload (one part named "file", plus small fields) streamed
// into the sink the service names (receipt storage's pending file, a scratch
// file) while it is hashed and counted, its first bytes kept for sniffing:
// memory stays flat whatever the size. Receipts and imports all come in this way.

// Multipart overhead (boundaries, part headers, small fields) on top of the file.
const ENVELOPE_BYTES = 64 * 1024;

/** A request's upload, for a service that takes a file (lib/services/received-upload.ts). */
export function uploadFrom(request: Request): ReceiveUpload {
  return (maxBytes, target) => receiveMultipart(request, maxBytes, target);
}

/**
 * The file (in the target's sink, which the caller commits or discards) and
 * the small fields. Past `maxBytes` it is a 413, and nothing stays behind.
 */
export async function receiveMultipart<S extends UploadSink>(
  request: Request,
  maxBytes: number,
  { into, headBytes = 0 }: UploadTarget<S>,
): Promise<ReceivedUpload<S>> {
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
        file: S;
        fileName: string;
        size: number;
        sha256: string;
        head: Uint8Array;
        truncated: boolean;
      }>
    | undefined;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // One byte of slack tells "exactly the limit" from "over it".
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 4096, parts: 12 },
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
      const file = await into();
      try {
        const hash = createHash("sha256");
        const head: Buffer[] = [];
        let size = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          // A copy: the sink may still hold (or reuse) the chunk it was given.
          if (size < headBytes) head.push(Buffer.from(chunk.subarray(0, headBytes - size)));
          size += chunk.length;
          hash.update(chunk);
          await file.write(chunk);
        }
        return {
          file,
          fileName: cleanFileName(info.filename),
          size,
          sha256: hash.digest("hex"),
          head: Buffer.concat(head),
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
  if (upload.truncated || upload.size > maxBytes) {
    await upload.file.discard();
    throw tooLarge(maxBytes);
  }
  const { file, fileName, size, sha256, head } = upload;
  return { upload: { file, fileName, size, sha256, head }, fields };
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file is larger than the limit of ${maxBytes} bytes.`,
    {
      fields: { file: ["file_too_large"] },
    },
  );
}
