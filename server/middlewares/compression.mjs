// @ts-check
// Compression, here instead of Next.js's (next.config.mjs compress: false):
// Next.js gzips at level 6, a fifth to a half of a page's CPU. Brotli at
// quality 2 makes pages as small or smaller at a third of that (measured on
// the dashboard and the 200-row list, BENCHMARKS.md); every browser asks for
// br, and gzip is at level 1 for a client that does not. COMPRESSION=off
// leaves it to a reverse proxy that compresses.
import zlib from "node:zlib";
import compression from "compression";

/**
 * @param {{ enabled: boolean }} options
 * @returns {import("../middleware.mjs").Middleware | null} null when off
 */
export function compressionMiddleware({ enabled }) {
  if (!enabled) return null;
  const compress = compression({
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
  // compression is typed for Express's request; it needs only Node's.
  return (req, res, next) =>
    compress(/** @type {any} */ (req), /** @type {any} */ (res), () => next());
}
