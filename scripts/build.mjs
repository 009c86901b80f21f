// The production build, made only when a file it is made from changed since
// it was made (npm start), or on demand (npm run bench, which times it).
// `npm run build` is `node scripts/build.mjs --force`: always a build, with
// the chunk dedupe below, as npm start and the bench serve it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildWorkers, FILE_HOST_FILE, HOSTILE_JOBS_FILE, WORKERS_DIR } from "./build-workers.mjs";
import { dedupeServerChunks } from "./dedupe-chunks.mjs";
import { latin1ServerChunks } from "./latin1-chunks.mjs";
import { fail, root } from "./paths.mjs";
import { precompressStatic, readStaticManifest } from "./precompress-static.mjs";

/** @param {number} bytes */
const kB = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function sourceHash() {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full) || relative === path.join("lib", "generated")) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Builds when stale (or always, with force); returns the seconds it took, or null when it did not build. */
export function buildIfStale({ force = false, stdio = "inherit" } = {}) {
  const stamp = path.join(root, ".next", "cancelcase-source-hash");
  const wanted = sourceHash();
  const built =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp)
      ? fs.readFileSync(stamp, "utf8")
      : "";
  const workers = [HOSTILE_JOBS_FILE, FILE_HOST_FILE].every((file) =>
    fs.existsSync(path.join(WORKERS_DIR, file)),
  );
  if (built === wanted && workers && !force) {
    // A build from before the static files were compressed at build time.
    // Where .next is read-only, Next.js serves them as before.
    if (!readStaticManifest(root)) {
      try {
        precompressStatic(root);
      } catch (error) {
        console.warn(`[cancelcase] static files not compressed: ${error}`);
      }
    }
    return null;
  }
  console.log("[cancelcase] building the app (first start, or the sources changed)…");
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: root,
      stdio,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) fail(`next build failed (exit ${result.status ?? result.signal})`);
  const { copies, bytes } = dedupeServerChunks(path.join(root, ".next", "server"));
  if (copies > 0)
    console.log(
      `[cancelcase] ${copies} duplicate server chunk(s) folded into one copy each (${(bytes / 1e6).toFixed(1)} MB each worker no longer loads)`,
    );
  const latin1 = latin1ServerChunks(path.join(root, ".next", "server"));
  if (latin1.files > 0)
    console.log(
      `[cancelcase] ${latin1.files} server file(s) rewritten as Latin-1 source (${(latin1.chars / 1e6).toFixed(1)} M characters, held at one byte each, not two)`,
    );
  // After next build, which empties .next: the worker pool's entry (lib/workers/pool.ts).
  buildWorkers();
  const compressed = precompressStatic(root);
  console.log(
    `[cancelcase] ${compressed.files} static files (${kB(compressed.bytes)}) compressed once: brotli ${kB(compressed.br)}, gzip ${kB(compressed.gzip)}`,
  );
  fs.writeFileSync(stamp, wanted);
  return (performance.now() - started) / 1000;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seconds = buildIfStale({ force: process.argv.includes("--force") });
  if (seconds !== null) console.log(`[cancelcase] built in ${seconds.toFixed(1)} s`);
}
