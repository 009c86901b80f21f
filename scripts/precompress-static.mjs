// @ts-check
// The build's static files, compressed once here rather than on every
// request: brotli at its best quality and gzip at level 9 cost seconds once
// (a request-time compressor can afford neither), and the custom server
// answers them from memory (server/middlewares/static-files.mjs, issue 37).
// The manifest lists every file the server may answer, by URL path: the
// server never builds a file path from a request. The build's own files
// (.next/static) also get their copies beside them, as <file>.gz and
// <file>.br, for a static server in front (deploy/nginx-one-machine.conf:
// nginx's gzip_static, and brotli_static with its brotli module).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const STATIC_DIR = path.join(".next", "cancelcase-static");
export const MANIFEST_FILE = "manifest.json";

/** Extensions served, with their type; anything else is left to Next.js. */
const TYPES = /** @type {Record<string, { type: string, compress: boolean }>} */ ({
  ".js": { type: "application/javascript; charset=utf-8", compress: true },
  ".css": { type: "text/css; charset=utf-8", compress: true },
  ".json": { type: "application/json; charset=utf-8", compress: true },
  ".txt": { type: "text/plain; charset=utf-8", compress: true },
  ".svg": { type: "image/svg+xml", compress: true },
  ".ico": { type: "image/x-icon", compress: true },
  ".png": { type: "image/png", compress: false },
  ".woff2": { type: "font/woff2", compress: false },
});

// The service worker stays with Next.js: its headers (no-cache, the page
// CSP a worker script runs under) are next.config.mjs's.
const LEFT_TO_NEXT = new Set(["/sw.js"]);

/**
 * @typedef {{ file: string, type: string, etag: string, size: number,
 *   immutable: boolean, br?: string, gzip?: string }} StaticEntry
 */

/**
 * @param {string} dir
 * @returns {string[]} the files under dir, relative to it, with "/" separators
 */
function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
}

/**
 * Writes the compressed copies and the manifest under `.next/cancelcase-static`.
 * @param {string} root the project root
 * @returns {{ files: number, bytes: number, br: number, gzip: number }}
 */
export function precompressStatic(root) {
  const out = path.join(root, STATIC_DIR);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  /** @type {Record<string, StaticEntry>} */
  const manifest = {};
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  const sources = [
    { dir: path.join(".next", "static"), prefix: "/_next/static/", immutable: true },
    { dir: "public", prefix: "/", immutable: false },
  ];
  for (const { dir, prefix, immutable } of sources) {
    for (const relative of filesUnder(path.join(root, dir))) {
      const urlPath = prefix + relative;
      const kind = TYPES[path.extname(relative).toLowerCase()];
      if (!kind || LEFT_TO_NEXT.has(urlPath)) continue;
      const file = path.join(dir, relative);
      const bytes = fs.readFileSync(path.join(root, file));
      const digest = createHash("sha256").update(bytes).digest("base64url");
      /** @type {StaticEntry} */
      const entry = {
        file,
        type: kind.type,
        etag: digest.slice(0, 22),
        size: bytes.length,
        immutable,
      };
      if (kind.compress && bytes.length >= 256) {
        const variants = {
          br: zlib.brotliCompressSync(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzip: zlib.gzipSync(bytes, { level: 9 }),
        };
        for (const [encoding, compressed] of Object.entries(variants)) {
          // A copy that saves little is not worth a Vary and a second body.
          if (compressed.length > bytes.length * 0.9) continue;
          const name = `${digest}.${encoding}`;
          fs.writeFileSync(path.join(out, name), compressed);
          if (immutable) {
            fs.writeFileSync(
              path.join(root, file) + (encoding === "gzip" ? ".gz" : ".br"),
              compressed,
            );
          }
          entry[/** @type {"br" | "gzip"} */ (encoding)] = path.join(STATIC_DIR, name);
          totals[/** @type {"br" | "gzip"} */ (encoding)] += compressed.length;
        }
      }
      manifest[urlPath] = entry;
      totals.files += 1;
      totals.bytes += bytes.length;
    }
  }
  fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
  return totals;
}

/**
 * The manifest, or null when this build has none (made before it existed).
 * @param {string} root
 * @returns {Record<string, StaticEntry> | null}
 */
export function readStaticManifest(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STATIC_DIR, MANIFEST_FILE), "utf8"));
  } catch {
    return null;
  }
}
