// The one Origin rule for every cookie-authenticated write: server actions
// and page POSTs (checked by server/http-server.mjs before Next.js runs, so a
// refusal is a plain 403 instead of Next's "Invalid Server Actions request"
// 500) and /api/v1 handlers (lib/http/api-route.ts, where a Bearer token
// needs no Origin). Plain JavaScript because the custom server imports it.
//
// A write is accepted from the origin the browser used to reach this server
// (so 127.0.0.1, a LAN address or a second name all work, not only BASE_URL)
// or from BASE_URL's origin (the public name behind a proxy that rewrites
// Host). Reaching the server at an address is not an attack: a cross-site
// attacker's page has its own origin, and a DNS-rebinding page carries no
// cookie of ours. The scheme of that origin is the socket's (plain http)
// unless a proxy we trust (TRUST_PROXY) says otherwise in X-Forwarded-Proto.

import { setting } from "../config/settings.mjs";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether a request with this method changes something. */
export function isWriteMethod(method) {
  return WRITE_METHODS.has(String(method ?? "").toUpperCase());
}

function firstValue(value) {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string") return null;
  const first = raw.split(",")[0]?.trim();
  return first ? first : null;
}

/** `scheme://host[:port]` as a URL origin, or null when `host` is not a plain host (no path, no userinfo). */
function originOf(scheme, host) {
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return null;
  try {
    const url = new URL(`${scheme}://${host}`);
    return url.pathname === "/" && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}

/** The origin BASE_URL names (http://localhost:PORT when unset), or null when it is malformed. */
export function baseOrigin(env = process.env) {
  try {
    return new URL(setting("BASE_URL", env)).origin;
  } catch {
    return null;
  }
}

/**
 * The origins a browser may write from, given the request's headers (a plain
 * object or a Headers), whether a proxy we trust set the X-Forwarded-
 * headers, and BASE_URL's origin.
 */
export function allowedOrigins(headers, { trustProxy, base }) {
  const get = (name) =>
    typeof headers.get === "function" ? headers.get(name) : (headers[name] ?? null);
  const forwardedHost = trustProxy ? firstValue(get("x-forwarded-host")) : null;
  const forwardedProto = trustProxy ? firstValue(get("x-forwarded-proto"))?.toLowerCase() : null;
  const scheme = forwardedProto === "https" ? "https" : "http";
  const reached = originOf(scheme, forwardedHost ?? firstValue(get("host")));
  return [reached, base].filter((origin) => typeof origin === "string");
}

/**
 * Why this write must be refused, or null when it may go on.
 * - A write whose Origin is present must come from an allowed origin,
 *   signed in or not (a foreign page's form gets 403, not a stack trace).
 * - A cookie-authenticated write must carry an Origin: every browser sends
 *   one with a POST, so one without it was not made by our page.
 * Origin "null" (a sandboxed frame, a file: page) is never allowed.
 */
export function writeOriginRefusal({ method, headers, cookieAuthenticated, trustProxy, base }) {
  if (!isWriteMethod(method)) return null;
  const get = (name) =>
    typeof headers.get === "function" ? headers.get(name) : (headers[name] ?? null);
  const raw = get("origin");
  const origin = (Array.isArray(raw) ? raw[0] : raw)?.trim() || null;
  if (origin === null) return cookieAuthenticated ? "origin_missing" : null;
  return allowedOrigins(headers, { trustProxy, base }).includes(origin) ? null : "origin_foreign";
}
