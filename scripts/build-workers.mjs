// The worker pool's entry (lib/workers/hostile-jobs.ts, TypeScript importing
// the parsers through "@/…") bundled into one plain CommonJS file, so that
// `npm start` runs it in worker threads without tsx; and the file reader
// process that holds the pool (lib/workers/file-host.ts) beside it. Made by
// scripts/build.mjs after `next build` (which empties .next first), by
// `npm run dev`, and by the unit tests' global setup (into a folder of
// their own). esbuild, because Next's own build does not emit worker
// entries and esbuild ships with tsx already (pinned in devDependencies).
// It runs in a child process: esbuild's synchronous API keeps a helper
// process alive for as long as the process that called it, and that would
// be npm start's primary, for as long as it serves.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fail, root } from "./paths.mjs";

export const WORKERS_DIR = path.join(root, ".next", "cancelcase-workers");
export const HOSTILE_JOBS_FILE = "hostile-jobs.cjs";
/** The file reader process that holds the pool (lib/workers/file-host.ts), beside it. */
export const FILE_HOST_FILE = "file-host.cjs";

/** Writes the bundle into `dir`; returns its path. */
export function buildWorkers(dir = WORKERS_DIR) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), dir], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) fail(`bundling the worker pool's entry failed (exit ${result.status})`);
  return path.join(dir, HOSTILE_JOBS_FILE);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: root,
    entryPoints: ["lib/workers/hostile-jobs.ts", "lib/workers/file-host.ts"],
    outdir: process.argv[2] || WORKERS_DIR,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: "tsconfig.json",
    alias: { "server-only": "./lib/workers/empty-module.ts" },
    logLevel: "warning",
  });
}
