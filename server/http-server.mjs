// The HTTP server in front of Next.js. Next.js keeps a client-sent
// X-Forwarded-For, and the login throttle must count the real client
// address: unless TRUST_PROXY says a reverse proxy of ours sets those
// headers, they are replaced with what the socket says. A request body too
// large for where it goes is refused at the door, before any of it is read
// (Next.js and next-auth would buffer it whole first). And pages get their
// nonce Content-Security-Policy here, for the cost of one header, rather
// than from a proxy.ts pass through Next's middleware runtime (2-3 ms a
// page, measured in BENCHMARKS.md), and a browser with no session cookie at
// all is sent to the login page at once. That is a convenience, never the
// guard: every page, action and handler checks the session itself
// (requireUser, lib/auth/session.ts, which also sends an ended session to
// the login page).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";
import { setting, workerRole } from "../lib/config/settings.mjs";
import { baseOrigin, writeOriginRefusal } from "../lib/http/write-origin.mjs";
import { anonymousPageCache } from "./page-cache.mjs";
import { hasSessionCookie, SIGNED_IN_PATHS } from "./signed-in.mjs";

const FORWARDED_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

// Next.js answers a path with broken percent-encoding (/api/v1/x/%) with a
// 500; such a request is the client's mistake, so it is refused here as 400.
function hasValidEncoding(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

// What every answer the server gives itself (before Next.js runs) carries.
const BASE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** A JSON error in DESIGN.md's shape, with the headers every response carries. */
function refuse(res, status, code, message, extraHeaders = {}) {
  res.writeHead(status, {
    ...BASE_HEADERS,
    "Content-Type": "application/json",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    ...extraHeaders,
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

// Bodies: a receipt upload and a statement import stream to disk under
// their own limits (lib/http/multipart.ts); a subscription import is a file
// of up to 2 MiB (lib/http/subscription-import.ts, the README) in a multipart
// envelope; every other body (JSON, a server action, a sign-in form) is at
// most 1 MiB, the JSON limit and Next's server-action limit.
const BODY_MAX_BYTES = 1024 * 1024;
const UPLOAD_PATH = /^\/api\/v1\/(cases\/[^/]+\/receipts|imports)\/?$/;
const SUBSCRIPTION_IMPORT_PATH = /^\/api\/v1\/subscriptions\/import\/?$/;
/** 2 MiB of file, and room for the multipart boundaries, headers and the dryRun field. */
const SUBSCRIPTION_IMPORT_MAX_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/** The most bytes this request's body may have here, or null when its handler streams it. */
function bodyLimit(req) {
  if (req.method === "GET" || req.method === "HEAD") return null;
  const path = (req.url ?? "/").split("?")[0];
  if (UPLOAD_PATH.test(path)) return null;
  return SUBSCRIPTION_IMPORT_PATH.test(path) ? SUBSCRIPTION_IMPORT_MAX_BYTES : BODY_MAX_BYTES;
}

const tooLargeMessage = (limit) =>
  `The request body is larger than ${limit === BODY_MAX_BYTES ? "1 MiB" : "2 MiB"}.`;

/** Why this request's body is refused before it is read, or null. */
function bodyRefusal(req) {
  const limit = bodyLimit(req);
  if (limit === null) return null;
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    return [413, "payload_too_large", tooLargeMessage(limit)];
  }
  return null;
}

/**
 * A body sent without a length (chunked) is counted as the HTTP parser hands
 * it over: past the limit the request is answered 413 and the connection
 * closed, whoever was reading it. (IncomingMessage receives its body through
 * push(); counting there sees every byte before any reader can buffer it.)
 */
function capChunkedBody(req, res, limit) {
  const push = req.push;
  let received = 0;
  req.push = function (chunk, encoding) {
    if (chunk) {
      received += chunk.length;
      if (received > limit) {
        req.push = push;
        if (!res.headersSent) {
          refuse(res, 413, "payload_too_large", tooLargeMessage(limit), {
            Connection: "close",
          });
        }
        req.destroy();
        return false;
      }
    }
    return push.call(this, chunk, encoding);
  };
}

// Pages: everything but the API and the client message catalogs (which
// answer with a strict CSP of their own, next.config.mjs) and the build's assets.
const NOT_A_PAGE = /^\/(api\/|i18n\/|_next\/static\/|_next\/image)/;
/** The request's path and query as the client asked, for requireUser's callbackUrl. */
const REQUEST_URL_HEADER = "x-cancelcase-url";

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
 * Returns false when the request was answered here (a redirect to log in).
 */
function securePage(req, res, dev) {
  delete req.headers[REQUEST_URL_HEADER];
  const url = req.url ?? "/";
  if (NOT_A_PAGE.test(url)) return true;
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
    return false;
  }
  req.headers["content-security-policy"] = csp;
  req.headers[REQUEST_URL_HEADER] = url;
  return true;
}

// Compression, here instead of Next.js's (next.config.mjs compress: false):
// Next.js gzips at level 6, a fifth to a half of a page's CPU. Brotli at
// quality 2 makes pages as small or smaller at a third of that (measured on
// the dashboard and the 200-row list, BENCHMARKS.md); every browser asks for
// br, and gzip is at level 1 for a client that does not. COMPRESSION=off
// leaves it to a reverse proxy that compresses.
function compressor() {
  if (!setting("COMPRESSION")) return null;
  return compression({
    threshold: 1024,
    level: 1,
    // A 256 KiB window (the default is 4 MiB) holds a whole page's repeats
    // and keeps each response's compressor small.
    brotli: {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 2,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
      },
    },
  });
}

// Writes to a page (server actions, a form posted to a page) meet the one
// Origin rule here, before Next.js: its own check answers a foreign Origin
// with a 500 and a logged error (lib/http/write-origin.mjs). The API's
// handlers apply the same rule themselves, since only they know whether a
// request is cookie-authenticated (a Bearer token needs no Origin).
const ORIGIN_REFUSALS = {
  origin_foreign:
    "This change came from a page at another address than this server's, so it is refused.",
  origin_missing: "A signed-in change must say which page it came from (an Origin header).",
};

function pageWriteRefusal(req, trusted) {
  if (NOT_A_PAGE.test(req.url ?? "/")) return null;
  return writeOriginRefusal({
    method: req.method,
    headers: req.headers,
    cookieAuthenticated: hasSessionCookie(req.headers.cookie),
    trustProxy: trusted,
    base: baseOrigin(),
  });
}

/** Where the server really listens: every interface, or the one address HOST named. */
function listeningOn(server) {
  const { address, port } = server.address();
  if (address === "0.0.0.0" || address === "::") {
    return `http://localhost:${port} (listening on every interface, ${address}:${port})`;
  }
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}

export async function startServer({ root, dev, host, port }) {
  const app = next({ dev, dir: root, hostname: host === "0.0.0.0" ? "localhost" : host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The one TRUST_PROXY parser (lib/config/settings.mjs): a value that is
  // neither true nor false stops the server here, as it fails the app.
  const trusted = setting("TRUST_PROXY");
  const compress = compressor();
  // Not in development: there the pages change as they are edited.
  const pages = dev ? null : anonymousPageCache();

  const server = createServer((req, res) => {
    if (!hasValidEncoding(req.url)) {
      return refuse(res, 400, "bad_request", "The URL is not correctly percent-encoded.");
    }
    const refusal = bodyRefusal(req);
    if (refusal) {
      // Answer at once and close: the rest of the body is never read.
      return refuse(res, ...refusal, { Connection: "close" });
    }
    const limit = bodyLimit(req);
    if (limit !== null && req.headers["content-length"] === undefined) {
      capChunkedBody(req, res, limit);
    }
    const originRefusal = pageWriteRefusal(req, trusted);
    if (originRefusal) {
      return refuse(res, 403, "forbidden", ORIGIN_REFUSALS[originRefusal], { Connection: "close" });
    }
    if (!trusted) {
      for (const name of FORWARDED_HEADERS) delete req.headers[name];
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    }
    if (!securePage(req, res, dev)) return;
    const cacheKey = pages?.keyOf(req) ?? null;
    const serve = () => {
      if (cacheKey !== null) {
        if (pages.serve(cacheKey, res)) return;
        pages.record(cacheKey, req, res);
      }
      return handle(req, res).catch((error) => {
        console.error("request failed", error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    };
    if (compress) compress(req, res, serve);
    else serve();
  });

  // Keep idle connections longer than the clients and proxies in front of us
  // (load balancers commonly hold them 60 s): a server that closes first races
  // a request sent on the same socket, and the client sees ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const worker = workerRole().index;
  console.log(
    `[cancelcase] ${dev ? "development" : "production"} server ready on ${listeningOn(server)}${worker ? ` (worker ${worker})` : ""}`,
  );

  const stop = (signal) => {
    console.log(`[cancelcase] ${signal}: shutting down`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  return server;
}
