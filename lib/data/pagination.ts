import "server-only";
import { AppError } from "@/lib/errors/app-error";

// Keyset pagination over (timestamp desc, id desc): stable while rows are
// added, and each page is one indexed range scan however deep it goes.
export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}:${id}`, "utf8").toString("base64url");
}

export function invalidCursor(): AppError {
  return new AppError("validation_failed", "The cursor is not one this API returned.", {
    fields: { cursor: ["cursor_invalid"] },
  });
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (!match) throw invalidCursor();
  return { at: new Date(Number(match[1])), id: match[2]! };
}

/** A cursor into a list ordered by a sequence number (a case's history), newest first. */
export function encodeSeqCursor(seq: number): string {
  return Buffer.from(`s:${seq}`, "utf8").toString("base64url");
}

export function decodeSeqCursor(cursor: string): number {
  const match = /^s:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw invalidCursor();
  return Number(match[1]);
}

/**
 * Where a list in two parts (the cases page: follow-ups due, then the rest)
 * goes on: inside the due part after (followUpOn, at, id), or inside the
 * rest after (at, id), or at the start of the rest (at and id null).
 */
export type InboxCursor =
  | { part: "due"; followUpOn: string; at: Date; id: string }
  | { part: "rest"; at: Date | null; id: string | null };

export function encodeInboxCursor(cursor: InboxCursor): string {
  const text =
    cursor.part === "due"
      ? `d:${cursor.followUpOn}:${cursor.at.getTime()}:${cursor.id}`
      : cursor.at && cursor.id
        ? `r:${cursor.at.getTime()}:${cursor.id}`
        : "r:";
  return Buffer.from(text, "utf8").toString("base64url");
}

export function decodeInboxCursor(cursor: string): InboxCursor {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (decoded === "r:") return { part: "rest", at: null, id: null };
  const due = /^d:(\d{4}-\d{2}-\d{2}):(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (due) return { part: "due", followUpOn: due[1]!, at: new Date(Number(due[2])), id: due[3]! };
  const rest = /^r:(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (rest) return { part: "rest", at: new Date(Number(rest[1])), id: rest[2]! };
  throw invalidCursor();
}

/** The where-clause for rows after the cursor in (field desc, id desc) order. */
export function afterCursor<F extends string>(field: F, cursor: string | undefined) {
  if (!cursor) return {};
  const { at, id } = decodeCursor(cursor);
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: id } }] };
}

/** Cuts the extra row fetched to learn whether another page exists. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  at: (row: T) => Date,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null,
  };
}
