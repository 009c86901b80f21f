import "server-only";
import { notFoundError } from "@/lib/data/errors";
import { readReceiptHead, type ReceiptDto } from "@/lib/data/receipts";
import type { Actor } from "@/lib/data/users";
import { EMAIL_SHOWN_BYTES, type EmailAsText } from "@/lib/documents/email-text";
import { isAppError } from "@/lib/errors/app-error";
import { isFileLimitError, runFileJob } from "@/lib/workers/pool";

const SHOWN_AS_TEXT = ["text/plain", "message/rfc822"];

export type ReceiptText = {
  receipt: ReceiptDto;
  /** An .eml's headers and text; "unreadable" when it cannot be parsed; null for a text file. */
  email: EmailAsText | "unreadable" | null;
  /** What to show as the body: null when an email has no text part or could not be read. */
  text: string | null;
};

/**
 * A text or .eml receipt of one case, as text to show (the page renders it
 * as text: React escapes it, and no HTML part is ever rendered). Another
 * case's receipt, or one of another type, is not found here.
 */
export async function readReceiptText(
  actor: Actor,
  caseId: string,
  receiptId: string,
): Promise<ReceiptText> {
  const { receipt, bytes } = await readReceiptHead(actor, receiptId, EMAIL_SHOWN_BYTES);
  if (receipt.caseId !== caseId || !SHOWN_AS_TEXT.includes(receipt.mimeType))
    throw notFoundError("Receipt");
  // Uploads are checked, but a file stored before that check may still be unreadable.
  const email: EmailAsText | "unreadable" | null =
    receipt.mimeType === "message/rfc822"
      ? await runFileJob({ kind: "email", bytes }).catch((error: unknown) => {
          // Parsed in the worker pool; a full pool is a 503 to retry, not an unreadable file.
          if (isFileLimitError(error) || (isAppError(error) && error.code !== "busy"))
            return "unreadable" as const;
          throw error;
        })
      : null;
  const text =
    email === "unreadable" ? null : email ? email.text : new TextDecoder("utf-8").decode(bytes);
  return { receipt, email, text };
}
