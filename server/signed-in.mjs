// @ts-check
// Which requests are for signed-in pages, as the custom server tells them
// apart before Next.js runs (server/middlewares/page-csp.mjs, page-cache.mjs).

/**
 * The first path segment of every page under app/(app)/, the pages that need
 * a session (tests/unit/signed-in-paths.test.ts keeps it equal to the folders).
 */
export const SIGNED_IN_SEGMENTS = [
  "cases",
  "dashboard",
  "notes",
  "notifications",
  "playbooks",
  "settings",
  "share",
  "statements",
  "subscriptions",
];

export const SIGNED_IN_PATHS = new RegExp(`^/(${SIGNED_IN_SEGMENTS.join("|")})(/|\\?|$)`);

// next-auth's cookie (chunked as .0, .1 … when large; __Secure- on https).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/**
 * Whether a Cookie header carries a session cookie at all (valid or not: Next.js decides).
 * @param {string | undefined} cookie
 */
export const hasSessionCookie = (cookie) => SESSION_COOKIE.test(cookie ?? "");
