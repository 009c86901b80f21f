// @ts-check
// Next.js keeps a client-sent X-Forwarded-For, and the login throttle must
// count the real client address: unless TRUST_PROXY says a reverse proxy of
// ours sets those headers, they are replaced with what the socket says
// (lib/auth/client-address.ts reads the result).

const FORWARDED_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/**
 * @param {{ trustProxy: boolean }} options
 * @returns {import("../middleware.mjs").Middleware}
 */
export function forwardedHeaders({ trustProxy }) {
  return (req, _res, next) => {
    if (!trustProxy) {
      for (const name of FORWARDED_HEADERS) delete req.headers[name];
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    }
    next();
  };
}
