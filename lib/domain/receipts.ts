// What an uploaded receipt may be, decided from its bytes alone (DESIGN.md
// "Uploads"): the name and the client's Content-Type are never trusted.
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

const EMAIL_HEADER =
  /^(from|to|cc|subject|date|received|return-path|message-id|mime-version|delivered-to|reply-to|content-type):[ \t]*\S/i;
const MARKUP_START = /^<(\?xml|!doctype|html|head|body|svg|script|iframe|!--)/i;

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

function looksLikeEmail(text: string): boolean {
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const lines = headerBlock.split(/\r?\n/).filter((line) => !/^[ \t]/.test(line));
  const known = lines.filter((line) => EMAIL_HEADER.test(line)).length;
  return lines.length > 0 && EMAIL_HEADER.test(lines[0]!) && known >= 2;
}

/**
 * The accepted MIME type for a file, given what byte-sniffing (file-type)
 * found and the first bytes of the file; null when it must be refused.
 */
export function classifyReceipt(detected: string | undefined, head: Uint8Array): string | null {
  if (head.length === 0) return null;
  if (detected) return BINARY_TYPES.has(detected) ? detected : null;
  const text = decodeUtf8(head);
  if (text === null) return null;
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.length === 0) return null;
  if (looksLikeEmail(start)) return "message/rfc822";
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
