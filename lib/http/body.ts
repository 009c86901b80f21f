import "server-only";
import { AppError } from "@/lib/errors/app-error";

const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** Reads a JSON body: malformed JSON is a 400, more than 1 MiB a 413. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > JSON_BODY_MAX_BYTES) {
    throw new AppError("payload_too_large", "The request body is larger than 1 MiB.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

/** The query string as a plain object, for a zod schema to parse. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
