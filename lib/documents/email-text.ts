import "server-only";
import PostalMime, { decodeWords } from "postal-mime";
import { AppError } from "@/lib/errors/app-error";

const SHOWN_HEADERS = ["from", "to", "cc", "date", "subject", "message-id"];

/** How much of an .eml is read to show it (and to check it at upload: the same bytes). */
export const EMAIL_SHOWN_BYTES = 1024 * 1024;

export type EmailAsText = { headers: [string, string][]; text: string | null };

/**
 * An .eml as plain text: its main headers and its text/plain body, decoded
 * from their charsets (UTF-8, GB2312/GBK, Big5…; base64 or quoted-printable)
 * by postal-mime and the runtime's TextDecoder. The HTML
 * part is never rendered; without a text part, nothing of the HTML is shown.
 * A message the parser refuses (MIME nested deeper than 256 levels, headers
 * past its size limit) is a 422 the user can understand, never a 500.
 */
export async function emailAsText(bytes: Uint8Array): Promise<EmailAsText> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch {
    throw new AppError(
      "unprocessable",
      "This email file could not be read: its structure is nested too deeply or its headers are too large.",
      { fields: { file: ["email_unreadable"] } },
    );
  }
  const headers = email.headers
    .filter((header) => SHOWN_HEADERS.includes(header.key))
    // RFC 2047 encoded words (=?GB2312?B?…?=) read as the text they encode.
    .map(
      (header) => [header.originalKey ?? header.key, decodeWords(header.value)] as [string, string],
    );
  return { headers, text: email.text?.trim() ? email.text : null };
}
