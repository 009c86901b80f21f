// @ts-check
// Pages get their nonce Content-Security-Policy here, for the cost of one
// header, rather than from a proxy.ts pass through Next's middleware runtime
// (2-3 ms a page, measured in BENCHMARKS.md), and a browser with no session
// cookie at all is sent to the login page at once. That is a convenience,
// never the guard: every page, action and handler checks the session itself
// (requireUser, lib/auth/session.ts, which also sends an ended session to
// the login page).
import { randomBytes } from "node:crypto";
import { BASE_HEADERS, NOT_A_PAGE } from "../middleware.mjs";
import { hasSessionCookie, SIGNED_IN_PATHS } from "../signed-in.mjs";

/** The request's path and query as the client asked, for requireUser's callbackUrl. */
const REQUEST_URL_HEADER = "x-cancelcase-url";

/**
 * @param {string} nonce
 * @param {boolean} dev
 */
function pageCsp(nonce, dev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A page gets a fresh nonce: Next.js reads it from the request's CSP header
 * and puts it on every script it renders; the browser gets the same policy.
 * @param {{ dev: boolean }} options
 * @returns {import("../middleware.mjs").Middleware}
 */
export function pageCspNonce({ dev }) {
  return (req, res, next) => {
    delete req.headers[REQUEST_URL_HEADER];
    const url = req.url ?? "/";
    if (NOT_A_PAGE.test(url)) return next();
    const csp = pageCsp(randomBytes(18).toString("base64"), dev);
    res.setHeader("Content-Security-Policy", csp);
    // A page load (not a server action posted by an open page, which gets
    // requireUser's answer) without any session cookie: straight to login.
    const pageLoad = (req.method === "GET" || req.method === "HEAD") && !req.headers["next-action"];
    if (pageLoad && SIGNED_IN_PATHS.test(url) && !hasSessionCookie(req.headers.cookie)) {
      res.writeHead(307, {
        ...BASE_HEADERS,
        Location: `/login?callbackUrl=${encodeURIComponent(url)}`,
      });
      res.end();
      return;
    }
    req.headers["content-security-policy"] = csp;
    req.headers[REQUEST_URL_HEADER] = url;
    next();
  };
}
