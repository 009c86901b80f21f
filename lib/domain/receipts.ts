// What an uploaded receipt may be, decided from its bytes alone (docs/contract.md
// "Security and reliability floor"): the name and the client's Content-Type are never trusted.
import { numberFormat } from "./intl";

const BINARY_TYPES = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/heic",
  "image/heif",
]);

/** Raster images a browser can show safely inline (thumbnails); everything else downloads. */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);

const MARKUP_START = /^<(\?xml|!doctype|html|head|body|svg|script|iframe|!--)/i;

/**
 * Fields a message has and a note or a CSV does not: one of them in the
 * header block makes it an email (RFC 5322 section 3.6, RFC 2045 for the
 * MIME fields, which a saved MIME part starts with).
 */
const MESSAGE_FIELDS = new Set([
  "from",
  "sender",
  "to",
  "cc",
  "date",
  "subject",
  "message-id",
  "received",
  "return-path",
  "delivered-to",
  "reply-to",
  "mime-version",
  "content-type",
]);
/** How much of a file the upload sniffs (lib/services/receive-receipt.ts). */
export const EMAIL_SNIFF_BYTES = 64 * 1024;
/** An RFC 5322 field name: printable US-ASCII except the colon, then the colon. */
const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;
/** The mbox separator ("From sender date") and Thunderbird's ("From - date") first line. */
const MBOX_FROM = /^From [^\r\n]*$/;

function decodeUtf8(head: Uint8Array): string | null {
  if (head.includes(0)) return null;
  // The head may end inside a multi-byte character: allow up to 3 bytes to be cut.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
    } catch {
      // try a shorter slice
    }
  }
  return null;
}

/**
 * Whether the file starts with a message's header block: header fields
 * (folded lines allowed) ending in a blank line, one of them a field only
 * messages have. Read byte for byte, so 8-bit Latin-1 or GB2312 header
 * values count like ASCII ones: only the field names must be ASCII. A file
 * of headers alone counts (a saved header block), and so does a head that
 * ends inside the header block (a long Received chain can pass it).
 */
export function looksLikeEmail(head: Uint8Array): boolean {
  // windows-1252 turns each byte into one character, whatever the bytes are.
  const text = new TextDecoder("windows-1252").decode(head).replace(/^\u00EF\u00BB\u00BF/, "");
  const lines = text.split(/\r?\n/);
  let index = MBOX_FROM.test(lines[0] ?? "") ? 1 : 0;
  let fields = 0;
  let messageField = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === "" || line === "\r") return fields > 0 && messageField;
    if (/[\x00\x7f]/.test(line)) return false;
    if (/^[ \t]/.test(line)) {
      if (fields === 0) return false; // a continuation needs a field before it
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) {
      // A full sniffed head may end inside a field: only a whole line that is no field refuses.
      const cut = index === lines.length - 1 && head.length >= EMAIL_SNIFF_BYTES;
      return cut && fields > 0 && messageField;
    }
    fields++;
    if (MESSAGE_FIELDS.has(field[1]!.toLowerCase())) messageField = true;
  }
  return fields > 0 && messageField;
}

/**
 * The accepted MIME type for a file, given what byte-sniffing (file-type)
 * found and the first bytes of the file; null when it must be refused.
 */
export function classifyReceipt(detected: string | undefined, head: Uint8Array): string | null {
  if (head.length === 0) return null;
  if (detected) return BINARY_TYPES.has(detected) ? detected : null;
  // Before any check of UTF-8: a real message's headers and body are often
  // 8-bit Latin-1, Windows-1252 or GB2312 (email-text.ts decodes each part
  // by its declared charset).
  if (looksLikeEmail(head)) return "message/rfc822";
  const text = decodeUtf8(head);
  if (text === null) return null;
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.length === 0) return null;
  if (MARKUP_START.test(start)) return null; // HTML, SVG, XML: never served back as a receipt
  return "text/plain";
}

const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name fit for display only: the last path segment, without control or
 * bidirectional-override characters, at most 200 characters.
 */
export function cleanFileName(name: string | undefined | null): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  const cleaned = base.replace(CONTROL_OR_BIDI, "").replace(/^\.+/, "").trim().slice(0, 200);
  return cleaned || "receipt";
}

/** 1536 → "1.5 kB" in the user's language. */
export function formatBytes(size: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat(locale, {
    style: "unit",
    unit: units[unit],
    // "753 bytes" / "753字节": the short form of a byte is "753 byte" in English.
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
