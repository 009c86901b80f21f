// @ts-check
// Rendered pages kept in memory, for the two page caches (./page-cache.mjs:
// signed-out pages; ./signed-in-page-cache.mjs: a session's own pages).
// What Next.js writes for a request is kept once the answer is complete,
// if it is a 200 without Set-Cookie; a later request with the same key is
// answered from memory with its own nonce put in place of the one the page
// was rendered with, so every response still has a CSP nonce of its own.
// Bounded by entries and by bytes, the least recently used going first, so
// crafted queries cannot grow memory.

/** @typedef {import("../middleware.mjs").Request} Request */
/** @typedef {import("../middleware.mjs").Response} Response */
/**
 * A kept page: its bytes cut where the nonce it was rendered with stood, so a
 * hit joins them around the new nonce without decoding the page into a
 * string (a page of Chinese text would take two bytes a character).
 * @typedef {{ headers: [string, import("node:http").OutgoingHttpHeader | undefined][], nonce: string, parts: Buffer[], bytes: number }} Entry
 */

// Headers of the stored answer that belong to one response only.
const PER_RESPONSE = new Set([
  "content-security-policy",
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
]);

/**
 * What an error leaves in a page: the app's error view (HTML), and React's
 * errored chunk with its digest (the RSC payload, raw or inlined in HTML).
 */
const ERROR_MARKERS = ['data-testid="error-page"', ':E{"digest"', ':E{\\"digest\\"'].map((m) =>
  Buffer.from(m, "utf8"),
);

/** Says whether an answer came from memory; tests and the bench read it. */
export const CACHE_HEADER = "X-CancelCase-Cache";

/**
 * The page's bytes cut at each occurrence of `nonce` (base64: ASCII, so the
 * same bytes in any UTF-8 page).
 * @param {Buffer} page
 * @param {string} nonce
 */
function splitAt(page, nonce) {
  const needle = Buffer.from(nonce, "utf8");
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (let at = page.indexOf(needle, from); at !== -1; at = page.indexOf(needle, from)) {
    parts.push(page.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(page.subarray(from));
  return parts;
}

/** @param {unknown} csp */
export const nonceOf = (csp) => /'nonce-([^']+)'/.exec(String(csp ?? ""))?.[1] ?? null;

/**
 * @param {{ maxEntries: number, maxBytes: number }} limits
 */
export function pageStore({ maxEntries, maxBytes }) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  let bytes = 0;

  /** @param {string} key */
  function drop(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  /**
   * Answers from memory; false when there is nothing stored for this request.
   * @param {string} key
   * @param {Response} res
   */
  function serve(key, res) {
    const entry = entries.get(key);
    const nonce = nonceOf(res.getHeader("content-security-policy"));
    if (!entry || !nonce) return false;
    entries.delete(key);
    entries.set(key, entry); // most recently used
    // Headers carry the nonce too (Next's Link preload header): the new one there as well.
    /** @param {string | number} value */
    const renew = (value) =>
      typeof value === "string" ? value.replaceAll(entry.nonce, nonce) : value;
    for (const [name, value] of entry.headers) {
      if (value !== undefined)
        res.setHeader(
          name,
          Array.isArray(value) ? value.map((item) => String(renew(item))) : renew(value),
        );
    }
    res.setHeader(CACHE_HEADER, "hit");
    res.statusCode = 200;
    const fresh = Buffer.from(nonce, "utf8");
    /** @type {Buffer[]} */
    const pieces = [];
    entry.parts.forEach((part, index) => {
      if (index > 0) pieces.push(fresh);
      pieces.push(part);
    });
    res.end(Buffer.concat(pieces));
    return true;
  }

  /**
   * Keeps what Next.js writes for this request, and stores it under `key`
   * once the answer is complete (if it is one to keep).
   * @param {string} key
   * @param {Request} req
   * @param {Response} res
   */
  function record(key, req, res) {
    const nonce = nonceOf(req.headers["content-security-policy"]);
    if (!nonce) return;
    res.setHeader(CACHE_HEADER, "miss");
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @type {any} the overloads of write and end, called through as they came */
    const out = res;
    const write = out.write;
    const end = out.end;
    /**
     * @param {unknown} chunk
     * @param {unknown} encoding
     */
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (size > maxBytes) return; // too large to keep: stop copying it
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            /** @type {string} */ (chunk),
            typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
          );
      size += buffer.length;
      chunks.push(buffer);
    };
    /** @type {(this: unknown, chunk: unknown, encoding: unknown, callback: unknown) => unknown} */
    out.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    /** @type {(this: unknown, chunk: unknown, encoding: unknown, callback: unknown) => unknown} */
    out.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    res.once("finish", () => {
      if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return;
      // A page larger than a tenth of the store would push out everything else.
      if (size > maxBytes / 10) return;
      const headers = Object.entries(res.getHeaders()).filter(
        ([name]) =>
          !PER_RESPONSE.has(name.toLowerCase()) && name.toLowerCase() !== "x-cancelcase-cache",
      );
      const page = Buffer.concat(chunks);
      // An error shown in the page (a failure inside a render that had
      // started: the status is already 200) must not outlive the failure.
      if (ERROR_MARKERS.some((marker) => page.includes(marker))) return;
      drop(key);
      entries.set(key, { headers, nonce, parts: splitAt(page, nonce), bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldest);
      }
    });
  }

  /** Drops every entry whose key starts with `prefix` (a session's pages, when it moved on). */
  function dropPrefix(/** @type {string} */ prefix) {
    for (const key of [...entries.keys()]) if (key.startsWith(prefix)) drop(key);
  }

  return { serve, record, dropPrefix, size: () => ({ entries: entries.size, bytes }) };
}
