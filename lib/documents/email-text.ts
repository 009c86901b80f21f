import "server-only";
import PostalMime, { decodeWords } from "postal-mime";
import { AppError } from "@/lib/errors/app-error";

const SHOWN_HEADERS = ["from", "to", "cc", "date", "subject", "message-id"];

/** How much of an .eml is read to show it (and to check it at upload: the same bytes). */
export const EMAIL_SHOWN_BYTES = 1024 * 1024;

/** The mbox separator or Thunderbird's "From - date" line: not a header field. */
const MBOX_FROM = /^From [^\r\n]*\r?\n/;

function endOfHeaders(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 1;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 1;
  }
  return bytes.length;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A label the runtime's TextDecoder knows (gb2312 and gbk read as gb18030, their superset), or null. */
function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/**
 * The message with its top-level header block made UTF-8, which is how
 * postal-mime reads raw header bytes. Mail clients write 8-bit header
 * values (not RFC 2047 words) in the charset of the message: the one the
 * header block declares, else the first a part declares, else
 * Windows-1252 (what "ISO-8859-1" means to every mail client). The body's
 * bytes are left alone: postal-mime decodes each part by its own charset.
 * An mbox or Thunderbird "From " first line is dropped.
 */
function withReadableHeaders(bytes: Uint8Array): Uint8Array {
  const start = MBOX_FROM.exec(new TextDecoder("windows-1252").decode(bytes.subarray(0, 1000)));
  const message = start ? bytes.subarray(start[0].length) : bytes;
  const end = endOfHeaders(message);
  const head = message.subarray(0, end);
  if (isUtf8(head)) return message;
  const asBytes = new TextDecoder("windows-1252").decode(head);
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(asBytes)?.[1] ??
    /charset\s*=\s*"?([\w.:-]+)/i.exec(
      new TextDecoder("windows-1252").decode(message.subarray(end, end + 64 * 1024)),
    )?.[1];
  const decoder = decoderFor(declared) ?? new TextDecoder("windows-1252");
  const utf8 = new TextEncoder().encode(decoder.decode(head));
  const out = new Uint8Array(utf8.length + message.length - end);
  out.set(utf8, 0);
  out.set(message.subarray(end), utf8.length);
  return out;
}

/** Windows-1252's characters at 0x80–0x9F (undefined bytes keep their code point). */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Node 20's TextDecoder reads "windows-1252" (and "iso-8859-1", which means
 * it to WHATWG and to every mail client) as Latin-1: € “ ” — come out as
 * invisible C1 controls (seen on Node 20.20 here). No text means a C1
 * control, so each is read as the Windows-1252 character of its byte.
 */
function withoutC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

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
    email = await PostalMime.parse(withReadableHeaders(bytes));
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
      (header) =>
        [header.originalKey ?? header.key, withoutC1Controls(decodeWords(header.value))] as [
          string,
          string,
        ],
    );
  return { headers, text: email.text?.trim() ? withoutC1Controls(email.text) : null };
}
