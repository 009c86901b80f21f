import "server-only";
import PostalMime from "postal-mime";

const SHOWN_HEADERS = ["from", "to", "cc", "date", "subject", "message-id"];

export type EmailAsText = { headers: [string, string][]; text: string | null };

/**
 * An .eml as plain text: its main headers and its text/plain body. The HTML
 * part is never rendered; without a text part, nothing of the HTML is shown.
 */
export async function emailAsText(bytes: Uint8Array): Promise<EmailAsText> {
  const email = await PostalMime.parse(bytes);
  const headers = email.headers
    .filter((header) => SHOWN_HEADERS.includes(header.key))
    .map((header) => [header.originalKey ?? header.key, header.value] as [string, string]);
  return { headers, text: email.text?.trim() ? email.text : null };
}
