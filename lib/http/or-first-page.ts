import "server-only";
import { isAppError } from "@/lib/errors/app-error";

/**
 * For list pages: the page a link's cursor points at. An old or hand-edited
 * link starts again from the first page; anything else is a real error.
 */
export async function orFirstPage<T>(
  read: (cursor: string | undefined) => Promise<T>,
  cursor: string | undefined,
): Promise<T> {
  // A cursor is short; a longer one is not ours and is not worth decoding.
  const wanted = cursor?.slice(0, 200);
  try {
    return await read(wanted);
  } catch (error) {
    if (wanted !== undefined && isAppError(error) && error.code === "validation_failed")
      return read(undefined);
    throw error;
  }
}
