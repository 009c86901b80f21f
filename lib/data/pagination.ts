import "server-only";
import { AppError } from "@/lib/errors";

// Keyset pagination over (timestamp desc, id desc): stable while rows are
// added, and each page is one indexed range scan however deep it goes.
export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (!match) {
    throw new AppError("validation_failed", "The cursor is not one this API returned.", {
      fields: { cursor: ["cursor_invalid"] },
    });
  }
  return { at: new Date(Number(match[1])), id: match[2]! };
}

/** The where-clause for rows after the cursor in (field desc, id desc) order. */
export function afterCursor<F extends string>(field: F, cursor: string | undefined) {
  if (!cursor) return {};
  const { at, id } = decodeCursor(cursor);
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: id } }] };
}

/** Cuts the extra row fetched to learn whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null };
}
