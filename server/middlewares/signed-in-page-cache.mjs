// @ts-check
// A signed-in page that has not changed is not rendered again (issue 37).
// The key is everything a page can depend on:
//   - the Session row (so never another user's, and "this browser" stays right),
//   - the URL with its query, and the headers of a client navigation (RSC,
//     the router's state tree, prefetch), which make it another answer,
//   - the user's locale and data version: the database bumps the version on
//     every write to any of the user's rows (decision 027), so a write, by
//     any path, makes every page of theirs miss,
//   - the user's calendar day ("due today", "in 3 days").
// The build is the process's own: the store dies with it. The session is read
// the way the pages read it (lib/auth/page-session.ts, handed over by
// instrumentation.ts); a cookie the pages would refuse is no key, and the
// request goes on to Next.js as before. Pages that show other users' data or
// the time of day are not cached (NOT_CACHED).

import { createHash } from "node:crypto";
import { NOT_A_PAGE } from "../middleware.mjs";
import { SIGNED_IN_PATHS, hasSessionCookie } from "../signed-in.mjs";
import { pageStore } from "./page-store.mjs";

/** @typedef {import("../middleware.mjs").Request} Request */
/** @typedef {{ sessionId: string, userId: string, locale: string, dataVersion: number, day: string }} PageSession */
/** @typedef {(cookie: string) => Promise<PageSession | null>} SessionReader */

/**
 * Pages not kept: those showing what other users wrote (a playbook's shared
 * corrections: their version is not the reader's), and those that show the
 * time of day: Settings (a token expiring this afternoon) and a case's
 * printable record ("generated at").
 */
const NOT_CACHED = /^\/(playbooks|share|settings)(\/|\?|$)|^\/cases\/[^/?]+\/evidence(\/|\?|$)/;

// The headers that make a request another answer (Next.js varies on them).
const VARYING = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
];

/** Where instrumentation.ts leaves the session reader for this process. */
export const SESSION_READER = Symbol.for("cancelcase.pageSessionReader");

/**
 * Whether a request may be answered from the cache at all (before any read).
 * @param {Request} req
 */
export function cacheable(req) {
  if (req.method !== "GET") return false;
  const url = req.url ?? "/";
  if (NOT_A_PAGE.test(url) || !SIGNED_IN_PATHS.test(url) || NOT_CACHED.test(url)) return false;
  if (req.headers["next-action"]) return false;
  return hasSessionCookie(req.headers.cookie);
}

/** How every key of a session starts (see signedInKeyOf). @param {string} sessionId */
const sessionPrefix = (sessionId) => `${JSON.stringify([sessionId]).slice(0, -1)},`;

/**
 * @param {Request} req
 * @param {PageSession} session
 */
export function signedInKeyOf(req, session) {
  return JSON.stringify([
    session.sessionId,
    session.locale,
    session.dataVersion,
    session.day,
    req.url ?? "/",
    // Whole, not cut short: two state trees alike in their first bytes are two answers.
    createHash("sha256")
      .update(JSON.stringify(VARYING.map((name) => String(req.headers[name] ?? ""))))
      .digest("base64url"),
  ]);
}

/**
 * @param {{ enabled: boolean, maxBytes: number, readSession?: SessionReader }} options
 *   readSession: tests pass their own; otherwise the one instrumentation.ts registered.
 * @returns {import("../middleware.mjs").Middleware | null}
 */
export function signedInPageCacheMiddleware({ enabled, maxBytes, readSession }) {
  if (!enabled || maxBytes <= 0) return null;
  const pages = pageStore({ maxEntries: 2000, maxBytes });
  /** Each session's last version|day|locale. @type {Map<string, string>} */
  const seen = new Map();
  /** @returns {SessionReader | undefined} */
  const reader = () => readSession ?? /** @type {any} */ (globalThis)[SESSION_READER] ?? undefined;
  return (req, res, next) => {
    const read = reader();
    if (!read || !cacheable(req)) return next();
    read(String(req.headers.cookie ?? "")).then(
      (session) => {
        if (!session) return next();
        // A session whose version, day or locale moved on will never ask for its
        // old entries again: they go now rather than when the store is full.
        const state = `${session.dataVersion}|${session.day}|${session.locale}`;
        if (seen.get(session.sessionId) !== state) {
          if (seen.has(session.sessionId)) pages.dropPrefix(sessionPrefix(session.sessionId));
          if (seen.size >= 10_000) seen.clear();
          seen.set(session.sessionId, state);
        }
        const key = signedInKeyOf(req, session);
        if (pages.serve(key, res)) return;
        pages.record(key, req, res);
        next();
      },
      // The database did not answer: Next.js renders, and says so its own way.
      () => next(),
    );
  };
}
