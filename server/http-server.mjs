// @ts-check
// The HTTP server in front of Next.js: one worker process's server. Each
// request goes through the middlewares below, in this order; each file
// under middlewares/ says why it is there.
import { createServer } from "node:http";
import next from "next";
import { setting, workerRole } from "../lib/config/settings.mjs";
import { chain } from "./middleware.mjs";
import { bodyLimitMiddleware } from "./middlewares/body-limit.mjs";
import { compressionMiddleware } from "./middlewares/compression.mjs";
import { forwardedHeaders } from "./middlewares/forwarded-headers.mjs";
import { nextApp } from "./middlewares/next-app.mjs";
import { anonymousPageCacheMiddleware } from "./middlewares/page-cache.mjs";
import { pageCspNonce } from "./middlewares/page-csp.mjs";
import { pageWriteOrigin } from "./middlewares/page-write-origin.mjs";
import { signedInPageCacheMiddleware } from "./middlewares/signed-in-page-cache.mjs";
import { staticFilesMiddleware } from "./middlewares/static-files.mjs";
import { urlEncoding } from "./middlewares/url-encoding.mjs";

/**
 * The request path, in order. Settings are read once, here: a bad value
 * (TRUST_PROXY=maybe) stops the server before it listens.
 * @param {{ dev: boolean, handle: Parameters<typeof nextApp>[0], env?: Record<string, string | undefined>, root?: string }} options
 * @returns {import("./middleware.mjs").Middleware[]}
 */
export function requestPath({ dev, handle, env = process.env, root }) {
  const trustProxy = setting("TRUST_PROXY", env);
  return [
    // The build's files, from memory; not in development, where they change.
    root ? staticFilesMiddleware({ root, enabled: !dev }) : null,
    urlEncoding(),
    bodyLimitMiddleware(),
    pageWriteOrigin({ trustProxy }),
    forwardedHeaders({ trustProxy }),
    pageCspNonce({ dev }),
    compressionMiddleware({ enabled: setting("COMPRESSION", env) }),
    // Not in development: there the pages change as they are edited.
    anonymousPageCacheMiddleware({ enabled: !dev }),
    signedInPageCacheMiddleware({
      enabled: !dev,
      maxBytes: setting("PAGE_CACHE_MB", env) * 1024 * 1024,
    }),
    nextApp(handle),
  ].filter((middleware) => middleware !== null);
}

/**
 * Where the server really listens: every interface, or the one address HOST named.
 * @param {import("node:http").Server} server
 */
function listeningOn(server) {
  const { address, port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  if (address === "0.0.0.0" || address === "::") {
    return `http://localhost:${port} (listening on every interface, ${address}:${port})`;
  }
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}

/**
 * @param {{ root: string, dev: boolean, host: string, port: number }} options
 */
export async function startServer({ root, dev, host, port }) {
  const app = next({ dev, dir: root, hostname: host === "0.0.0.0" ? "localhost" : host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer(chain(requestPath({ dev, handle, root })));

  // Keep idle connections longer than the clients and proxies in front of us
  // (load balancers commonly hold them 60 s): a server that closes first races
  // a request sent on the same socket, and the client sees ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const worker = workerRole().index;
  console.log(
    `[cancelcase] ${dev ? "development" : "production"} server ready on ${listeningOn(server)}${worker ? ` (worker ${worker})` : ""}`,
  );

  /** @param {string} signal */
  const stop = (signal) => {
    console.log(`[cancelcase] ${signal}: shutting down`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  return server;
}
