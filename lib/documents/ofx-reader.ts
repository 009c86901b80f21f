import { AppError } from "@/lib/errors/app-error";
import { decodeAll } from "./text-encoding";

// OFX's text read as elements: OFX 1.x SGML, where a value's tag is never
// closed, and OFX 2.x XML. Not a library: the npm OFX parsers (ofx-js,
// node-ofx-parser) turn SGML into XML with a regular expression that
// backtracks exponentially on crafted input (measured here: a 26-character
// tag took 3.4 s, each more character doubles it), which would let one
// uploaded file stall the server. This reads the elements in one pass over
// the text: every character is looked at a bounded number of times, the
// nesting is at most OFX_MAX_DEPTH deep and a file has at most OFX_MAX_TAGS
// tags, so the work is linear in the file's size (the optional meter counts
// it, for the tests). What the elements say of a statement is
// ./statement-ofx.ts's.

/** Deeper than any real statement (a bank's is 7 levels, an investment one about 10). */
export const OFX_MAX_DEPTH = 64;
/** 100,000 lines of about a dozen tags each, with room for the rest of the file. */
export const OFX_MAX_TAGS = 2_000_000;

export type OfxLimits = { depth: number; tags: number };

/** Counts the parser's work: characters looked at and stack operations. */
export type OfxMeter = { steps: number };

/**
 * What the reader says as it goes. `open` is the aggregates open at that
 * moment, outermost first; the reader keeps changing it, so read it then.
 */
export type OfxHandler = {
  /** An element that holds a value (perhaps empty), inside the last of `open`. */
  value(name: string, value: string, open: readonly string[]): void;
  /** An aggregate began: it is now the last of `open`. */
  opened(name: string, open: readonly string[]): void;
  /** An aggregate ended, by its end tag or an enclosing one's: `open` no longer holds it. */
  closed(name: string, open: readonly string[]): void;
};

export function unreadable(english: string, code = "statement_malformed", row?: number): AppError {
  return new AppError("validation_failed", row ? `Transaction ${row}: ${english}` : english, {
    fields: { file: [code] },
    ...(row ? { formMessage: { key: `errors.${code}` }, details: { row } } : {}),
  });
}

/**
 * The encoding a file's header declares. OFX 1.x: `ENCODING:UTF-8` (or
 * UNICODE) is UTF-8; `ENCODING:USASCII` takes `CHARSET:` (1252, ISO-8859-1,
 * or NONE, read as Windows-1252, the superset banks actually write). OFX
 * 2.x is XML: its declaration's encoding, UTF-8 when it has none.
 */
export function ofxEncoding(head: string): string {
  if (/^\uFEFF|^\xEF\xBB\xBF/.test(head)) return "utf-8";
  const xml = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/i.exec(head);
  if (xml) return supported(xml[1]!) ?? "utf-8";
  if (/<\?xml|<\?OFX/i.test(head) && !/OFXHEADER\s*:/i.test(head)) return "utf-8";
  const encoding = /^\s*ENCODING\s*:\s*([A-Za-z0-9-]+)/im.exec(head)?.[1]?.toUpperCase();
  if (encoding === "UTF-8" || encoding === "UTF8" || encoding === "UNICODE") return "utf-8";
  const charset = /^\s*CHARSET\s*:\s*([A-Za-z0-9-]+)/im.exec(head)?.[1]?.toUpperCase();
  if (!charset || charset === "NONE" || charset === "1252") return "windows-1252";
  if (/^\d{3,4}$/.test(charset)) return supported(`windows-${charset}`) ?? "windows-1252";
  return supported(charset) ?? "windows-1252";
}

function supported(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The file's bytes as text, in the encoding its header declares. */
export function decodeOfx(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return decodeAll(bytes, ofxEncoding(head));
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** Character references in text (never in CDATA, which is taken as written). */
const decodeEntities = (text: string) =>
  text.indexOf("&") < 0
    ? text
    : text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, ref: string) => {
        if (ref[0] !== "#") return ENTITIES[ref.toLowerCase()] ?? whole;
        const code =
          ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      });

/** Elements that hold a value even when it is empty (`<MEMO>` with nothing after it). */
const VALUE_ELEMENTS = new Set([
  "TRNTYPE",
  "DTPOSTED",
  "DTUSER",
  "DTAVAIL",
  "TRNAMT",
  "FITID",
  "CORRECTFITID",
  "CORRECTACTION",
  "SRVRTID",
  "CHECKNUM",
  "REFNUM",
  "SIC",
  "PAYEEID",
  "NAME",
  "EXTDNAME",
  "MEMO",
  "CURDEF",
  "ACCTID",
  "BANKID",
  "BRANCHID",
  "ACCTTYPE",
  "DTSTART",
  "DTEND",
  "DTASOF",
  "BALAMT",
]);

const isNameChar = (code: number) =>
  (code >= 48 && code <= 57) || // 0-9
  (code >= 65 && code <= 90) || // A-Z
  (code >= 97 && code <= 122) || // a-z
  code === 46 || // .
  code === 95; // _

/**
 * Reads the elements from `<OFX>` to the end of the text, telling `handler`
 * each value and each aggregate that opens and closes. An element is a value
 * when text follows its start tag (or it is one of VALUE_ELEMENTS, or its end
 * tag follows at once); otherwise it opens an aggregate.
 */
export function readOfx(
  text: string,
  handler: OfxHandler,
  limits: OfxLimits = { depth: OFX_MAX_DEPTH, tags: OFX_MAX_TAGS },
  meter?: OfxMeter,
): void {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw unreadable("The file is not an OFX statement (no <OFX> element).");

  // The open aggregates, outermost first.
  const open: string[] = [];
  // The element whose start tag came last; its text runs from `textFrom` to
  // the next tag and is sliced once then (`pending` holds what came before a
  // CDATA section), so a value of a million pieces is not a million strings.
  let current: string | null = null;
  let textFrom = 0;
  let pending = "";
  let hadCdata = false;
  let tags = 0;
  let steps = 0;

  const push = (name: string) => {
    if (open.length >= limits.depth) {
      throw unreadable(`The file nests elements more than ${limits.depth} deep.`);
    }
    steps += 1;
    open.push(name);
    handler.opened(name, open);
  };

  /** The element opened last ends where the next tag begins: a value, or an aggregate that opens. */
  const settle = (closing: string | null, at: number) => {
    if (current === null) return;
    const name = current;
    const value = (pending + decodeEntities(text.slice(textFrom, at))).trim();
    current = null;
    pending = "";
    if (value !== "" || hadCdata || VALUE_ELEMENTS.has(name) || closing === name) {
      handler.value(name, value, open);
      hadCdata = false;
      return;
    }
    push(name);
  };

  /** `</NAME>`: closes the open aggregate of that name and everything opened inside it. */
  const close = (name: string) => {
    steps += open.length;
    const at = open.lastIndexOf(name);
    if (at < 0) return; // the end tag of an XML value, or a stray one
    while (open.length > at) {
      steps += 1;
      handler.closed(open.pop()!, open);
    }
  };

  try {
    scan();
  } finally {
    if (meter) meter.steps += steps;
  }

  function scan() {
    const length = text.length;
    let i = start;
    while (i < length) {
      const lt = text.indexOf("<", i);
      const stop = lt < 0 ? length : lt;
      steps += stop - i;
      if (lt < 0) break;
      if (text.startsWith("<![CDATA[", lt)) {
        const end = text.indexOf("]]>", lt + 9);
        if (end < 0) throw unreadable("A CDATA section in the file never ends.");
        steps += end + 3 - lt;
        if (current !== null) {
          pending += decodeEntities(text.slice(textFrom, lt)) + text.slice(lt + 9, end);
          hadCdata = true;
          textFrom = end + 3;
        }
        i = end + 3;
        continue;
      }
      if (text.startsWith("<!--", lt)) {
        const end = text.indexOf("-->", lt + 4);
        steps += (end < 0 ? length : end + 3) - lt;
        if (current !== null) {
          pending += decodeEntities(text.slice(textFrom, lt));
          textFrom = end < 0 ? length : end + 3;
        }
        i = end < 0 ? length : end + 3;
        continue;
      }
      // A tag: `<`, an optional `/`, a name, anything up to `>`. A `<` before
      // the `>` means this was no tag; the scan goes on from that `<`.
      let j = lt + 1;
      const closing = text.charCodeAt(j) === 47; // "/"
      if (closing) j += 1;
      const nameStart = j;
      while (j < length && isNameChar(text.charCodeAt(j))) j += 1;
      const rawName = text.slice(nameStart, j);
      let k = j;
      while (k < length && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 60) k += 1;
      steps += k - lt + 1;
      if (k >= length || text.charCodeAt(k) === 60 || rawName === "" || text[lt + 1] === "?") {
        // No tag: the text stays text (it is in the slice the value is cut from).
        i = k < length && text.charCodeAt(k) === 62 ? k + 1 : k;
        continue;
      }
      tags += 1;
      if (tags > limits.tags) throw unreadable(`The file has more than ${limits.tags} tags.`);
      const name = rawName.toUpperCase();
      const selfClosing = text.charCodeAt(k - 1) === 47;
      i = k + 1;
      if (closing) {
        settle(name, lt);
        close(name);
        continue;
      }
      settle(null, lt);
      if (selfClosing) {
        handler.value(name, "", open);
        continue;
      }
      current = name;
      textFrom = i;
    }
    settle(null, length);
  }
}
