import "server-only";
import { AppError } from "@/lib/errors/app-error";

/** The largest JSON body any /api/v1 route reads (docs/contract.md: 413 past it). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

function tooLarge(): AppError {
  return new AppError("payload_too_large", "The request body is larger than 1 MiB.");
}

/**
 * Reads a JSON body, counting bytes as they arrive: past 1 MiB it stops
 * reading and answers 413, so a huge body is never held in memory (a
 * declared Content-Length over the limit is refused before a byte is read;
 * server/http-server.mjs already turns those away at the door). Malformed JSON is
 * a 400.
 */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > JSON_BODY_MAX_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      // A client that goes mid-body (the socket closed: "aborted") sent no
      // JSON; it is answered as such, not logged as the server's own error.
      const { done, value } = await reader.read().catch(() => {
        throw new AppError("invalid_json", "The request body ended before it was complete.");
      });
      if (done) break;
      total += value.byteLength;
      if (total > JSON_BODY_MAX_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

/** The query string as a plain object, for a zod schema to parse. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
