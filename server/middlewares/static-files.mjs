// @ts-check
// The build's static files (/_next/static, public/) answered here, first in
// the request path, from memory and compressed at build time
// (scripts/precompress-static.mjs), before Next.js or any other middleware
// sees the request: Next.js spent 0.4-0.7 ms of CPU on each (BENCHMARKS.md,
// issue 37). Only the URL paths the build's manifest lists are answered, by
// exact match: no file path is ever made from a request. Anything else, and
// any file over the memory budget, goes on to Next.js as before.
import fs from "node:fs";
import path from "node:path";
import { COMMON_HEADERS, STRICT_CSP } from "../../lib/http/security-headers.mjs";
import { readStaticManifest } from "../../scripts/precompress-static.mjs";

/** What a worker keeps in memory at most; the build's files are about 1.5 MB. */
export const STATIC_MEMORY_BUDGET = 32 * 1024 * 1024;

const FIXED_HEADERS = Object.fromEntries([
  ...COMMON_HEADERS.map(({ key, value }) => [key, value]),
  ["Content-Security-Policy", STRICT_CSP],
]);

/**
 * The encodings a client accepts, from its Accept-Encoding (`br;q=0` refuses br).
 * @param {string | undefined} header
 * @returns {Set<string>}
 */
export function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * @param {{ root: string, enabled: boolean, budget?: number }} options
 * @returns {import("../middleware.mjs").Middleware | null} null in development or without a manifest
 */
export function staticFilesMiddleware({ root, enabled, budget = STATIC_MEMORY_BUDGET }) {
  const manifest = enabled ? readStaticManifest(root) : null;
  if (!manifest) return null;
  const entries = new Map(Object.entries(manifest));
  /** @type {Map<string, Buffer>} file → bytes, read once */
  const memory = new Map();
  let held = 0;

  /** @param {string} file @returns {Buffer | null} null once the budget is spent */
  const bytesOf = (file) => {
    const known = memory.get(file);
    if (known) return known;
    const full = path.join(root, file);
    const size = fs.statSync(full).size;
    if (held + size > budget) return null;
    const bytes = fs.readFileSync(full);
    memory.set(file, bytes);
    held += bytes.length;
    return bytes;
  };

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const entry = entries.get(query < 0 ? url : url.slice(0, query));
    if (!entry) return next();

    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const encoding =
      entry.br && accepted.has("br") ? "br" : entry.gzip && accepted.has("gzip") ? "gzip" : null;
    let body;
    try {
      body = bytesOf((encoding && entry[encoding]) ?? entry.file);
    } catch {
      body = null; // removed since the build: Next.js answers as it would have
    }
    if (!body) return next();

    const etag = `"${entry.etag}${encoding ? `-${encoding}` : ""}"`;
    /** @type {Record<string, string | number>} */
    const headers = {
      ...FIXED_HEADERS,
      "Content-Type": entry.type,
      "Cache-Control": entry.immutable
        ? "public, max-age=31536000, immutable"
        : "public, max-age=0",
      ETag: etag,
    };
    if (entry.br || entry.gzip) headers.Vary = "Accept-Encoding";
    if (encoding) headers["Content-Encoding"] = encoding;
    const ifNoneMatch = req.headers["if-none-match"];
    if (
      ifNoneMatch &&
      ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)
    ) {
      delete headers["Content-Type"];
      delete headers["Content-Encoding"];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
