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
// usual (the pages send a signed-in user on). ./page-store.mjs keeps them.

import { hasSessionCookie } from "../signed-in.mjs";
import { pageStore } from "./page-store.mjs";

/** @typedef {import("../middleware.mjs").Request} Request */

const CACHED_PAGES = new Set(["/login", "/register"]);
const MAX_ENTRIES = 64;
const MAX_BYTES = 8 * 1024 * 1024;
const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/;

/**
 * The cache key of a request, or null when it is not one to cache.
 * @param {Request} req
 */
export function anonymousKeyOf(req) {
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
 * The cache as a middleware; null in development, where pages change as
 * they are edited.
 * @param {{ enabled: boolean }} options
 * @returns {import("../middleware.mjs").Middleware | null}
 */
export function anonymousPageCacheMiddleware({ enabled }) {
  if (!enabled) return null;
  const pages = pageStore({ maxEntries: MAX_ENTRIES, maxBytes: MAX_BYTES });
  return (req, res, next) => {
    const key = anonymousKeyOf(req);
    if (key !== null) {
      if (pages.serve(key, res)) return;
      pages.record(key, req, res);
    }
    next();
  };
}
