// @ts-check
// The signed-out pages (log in, create an account) hold no user data: each is
// rendered once per locale and query and then served from memory, with a new
// nonce put in place of the one it was rendered with (every response still
// has a CSP nonce of its own). That makes them about as cheap as a static
// file, where a render costs a whole server render per request.
//
// What a rendered page depends on is the key: its path and query, the
// language cookie and Accept-Language (all the language can come from when
// no one is signed in). A browser with a session cookie is rendered as
// usual (the pages send a signed-in user on). Only a 200 without Set-Cookie
// is kept, at most MAX_ENTRIES, the least recently used going first, so
// crafted queries cannot grow memory.

import { hasSessionCookie } from "../signed-in.mjs";

/** @typedef {import("../middleware.mjs").Request} Request */
/** @typedef {import("../middleware.mjs").Response} Response */

const CACHED_PAGES = new Set(["/login", "/register"]);
const MAX_ENTRIES = 64;
const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/;
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

/** @param {unknown} csp */
const nonceOf = (csp) => /'nonce-([^']+)'/.exec(String(csp ?? ""))?.[1] ?? null;

export function anonymousPageCache() {
  /** @type {Map<string, { headers: [string, import("node:http").OutgoingHttpHeader | undefined][], nonce: string, body: string }>} */
  const entries = new Map();

  /**
   * The cache key of a request, or null when it is not one to cache.
   * @param {Request} req
   */
  function keyOf(req) {
    if (req.method !== "GET") return null;
    const url = req.url ?? "/";
    const at = url.indexOf("?");
    const pathname = at === -1 ? url : url.slice(0, at);
    if (!CACHED_PAGES.has(pathname)) return null;
    // Client navigations and actions are not the HTML document.
    if (req.headers.rsc || req.headers["next-action"] || req.headers["next-router-state-tree"])
      return null;
    const cookie = req.headers.cookie ?? "";
    if (hasSessionCookie(cookie)) return null;
    return JSON.stringify([
      url,
      LOCALE_COOKIE.exec(cookie)?.[1] ?? "",
      String(req.headers["accept-language"] ?? "").slice(0, 256),
    ]);
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
    for (const [name, value] of entry.headers) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = 200;
    res.end(entry.body.replaceAll(entry.nonce, nonce));
    return true;
  }

  /**
   * Keeps what Next.js writes for this request, and stores it once the answer is complete.
   * @param {string} key
   * @param {Request} req
   * @param {Response} res
   */
  function record(key, req, res) {
    const nonce = nonceOf(req.headers["content-security-policy"]);
    if (!nonce) return;
    /** @type {Buffer[]} */
    const chunks = [];
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
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              /** @type {string} */ (chunk),
              typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
            ),
      );
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
      const headers = Object.entries(res.getHeaders()).filter(
        ([name]) => !PER_RESPONSE.has(name.toLowerCase()),
      );
      entries.set(key, { headers, nonce, body: Buffer.concat(chunks).toString("utf8") });
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(oldest);
      }
    });
  }

  return { keyOf, serve, record };
}

/**
 * The cache as a middleware; null in development, where pages change as
 * they are edited.
 * @param {{ enabled: boolean }} options
 * @returns {import("../middleware.mjs").Middleware | null}
 */
export function anonymousPageCacheMiddleware({ enabled }) {
  if (!enabled) return null;
  const pages = anonymousPageCache();
  return (req, res, next) => {
    const key = pages.keyOf(req);
    if (key !== null) {
      if (pages.serve(key, res)) return;
      pages.record(key, req, res);
    }
    next();
  };
}
