// The HTTP server in front of Next.js. It exists for two reasons. Next.js
// keeps a client-sent X-Forwarded-For, and the login throttle must count the
// real client address: unless TRUST_PROXY says a reverse proxy of ours sets
// those headers, they are replaced with what the socket says. And a request
// body too large for where it goes is refused at the door, before any of it
// is read (Next.js and next-auth would buffer it whole first).
import { createServer } from "node:http";
import next from "next";

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

/** A JSON error in DESIGN.md's shape, with the headers every response carries. */
function refuse(res, status, code, message, extraHeaders = {}) {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    ...extraHeaders,
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

// Bodies: a receipt upload and a statement import stream to disk under
// their own limits (lib/http/multipart.ts); every other body (JSON, a
// server action, a sign-in form) is at most 1 MiB, the JSON limit and
// Next's server-action limit.
const BODY_MAX_BYTES = 1024 * 1024;
const UPLOAD_PATH = /^\/api\/v1\/(cases\/[^/]+\/receipts|imports)\/?$/;

/** Why this request's body is refused before it is read, or null. */
function bodyRefusal(req) {
  if (!hasCappedBody(req)) return null;
  if (Number(req.headers["content-length"] ?? 0) > BODY_MAX_BYTES) {
    return [413, "payload_too_large", "The request body is larger than 1 MiB."];
  }
  return null;
}

function hasCappedBody(req) {
  if (req.method === "GET" || req.method === "HEAD") return false;
  return !UPLOAD_PATH.test((req.url ?? "/").split("?")[0]);
}

/**
 * A body sent without a length (chunked) is counted as the HTTP parser hands
 * it over: past the limit the request is answered 413 and the connection
 * closed, whoever was reading it. (IncomingMessage receives its body through
 * push(); counting there sees every byte before any reader can buffer it.)
 */
function capChunkedBody(req, res) {
  const push = req.push;
  let received = 0;
  req.push = function (chunk, encoding) {
    if (chunk) {
      received += chunk.length;
      if (received > BODY_MAX_BYTES) {
        req.push = push;
        if (!res.headersSent) {
          refuse(res, 413, "payload_too_large", "The request body is larger than 1 MiB.", {
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

function trustProxy() {
  return ["1", "true", "yes", "on"].includes(process.env.TRUST_PROXY?.trim().toLowerCase() ?? "");
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
  const trusted = trustProxy();

  const server = createServer((req, res) => {
    if (!hasValidEncoding(req.url)) {
      return refuse(res, 400, "bad_request", "The URL is not correctly percent-encoded.");
    }
    const refusal = bodyRefusal(req);
    if (refusal) {
      // Answer at once and close: the rest of the body is never read.
      return refuse(res, ...refusal, { Connection: "close" });
    }
    if (hasCappedBody(req) && req.headers["content-length"] === undefined) {
      capChunkedBody(req, res);
    }
    if (!trusted) {
      for (const name of FORWARDED_HEADERS) delete req.headers[name];
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    }
    handle(req, res).catch((error) => {
      console.error("request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
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
  console.log(
    `[cancelcase] ${dev ? "development" : "production"} server ready on ${listeningOn(server)}`,
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
