// How the bytes of an uploaded statement become text. Browsers' and Node's
// TextDecoder know UTF-8, UTF-16 and GB18030; windows-1252 is decoded here
// because Node 20's TextDecoder reads it as ISO-8859-1 (measured on 20.20.2:
// 0x80 comes out as U+0080, not €; 0x97 as U+0097, not —), which drops the
// very characters that tell the two apart.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

/** 0x80–0x9F in windows-1252 (the WHATWG Encoding Standard's index); the rest is ISO-8859-1. */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export type StreamDecoder = {
  decode: (bytes?: Uint8Array, options?: { stream?: boolean }) => string;
};

/** A decoder for one of the names above (any other label TextDecoder knows works too). */
export function decoderFor(encoding: string): StreamDecoder {
  const label = encoding.toLowerCase();
  if (label === "windows-1252" || label === "latin1" || label === "iso-8859-1") {
    const latin1 = new TextDecoder("latin1");
    return {
      decode: (bytes, options) =>
        latin1
          .decode(bytes, options)
          .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!),
    };
  }
  const decoder = new TextDecoder(encoding);
  if (decoder.encoding === "windows-1252") return decoderFor("windows-1252");
  return decoder;
}

/** The whole of some bytes as text. */
export const decodeAll = (bytes: Uint8Array, encoding: string) =>
  decoderFor(encoding).decode(bytes);

/** A byte-order mark's encoding, or null. */
export function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** True when the bytes are UTF-8 (a sequence cut at the end, as in a file's first chunk, counts). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes that are not UTF-8 are GB18030 when every byte above 0x7F belongs to
 * a GB18030 two- or four-byte character and most of them are in the range
 * of common hanzi (GB2312's 0xB0–0xF7 lead bytes with 0xA1–0xFE trail
 * bytes). Windows-1252 text ("café,", "€5", "— ") breaks the first rule almost
 * at once: its accented letters are followed by ASCII punctuation or spaces.
 */
function looksGb18030(bytes: Uint8Array): boolean {
  let characters = 0;
  let hanzi = 0;
  let i = 0;
  const end = bytes.length;
  while (i < end) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    if (lead === 0x80 || lead === 0xff) return false;
    if (i + 1 >= end) break; // cut at the end of the sample
    const second = bytes[i + 1]!;
    if (second >= 0x30 && second <= 0x39) {
      if (i + 3 >= end) break;
      const third = bytes[i + 2]!;
      const fourth = bytes[i + 3]!;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      characters += 1;
      i += 4;
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) return false;
    characters += 1;
    if (lead >= 0xb0 && lead <= 0xf7 && second >= 0xa1) hanzi += 1;
    i += 2;
  }
  return characters > 0 && hanzi * 2 >= characters;
}

/**
 * A file's encoding from its first bytes: a byte-order mark (UTF-8, UTF-16),
 * else UTF-8 when the bytes are UTF-8, else GB18030 when they show it, else
 * windows-1252 (what US banks' exports are when they are not UTF-8).
 */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (isUtf8(bytes)) return "utf-8";
  if (looksGb18030(bytes)) return "gb18030";
  return "windows-1252";
}
