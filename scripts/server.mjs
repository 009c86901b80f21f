// The HTTP server in front of Next.js. It exists for one reason: Next.js
// keeps a client-sent X-Forwarded-For, and the login throttle must count the
// real client address. Unless TRUST_PROXY says a reverse proxy of ours sets
// those headers, they are replaced with what the socket says.
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

function badRequest(res) {
  res.writeHead(400, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  res.end(
    JSON.stringify({
      error: { code: "bad_request", message: "The URL is not correctly percent-encoded." },
    }),
  );
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
    if (!hasValidEncoding(req.url)) return badRequest(res);
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
