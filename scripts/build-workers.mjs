// The worker pool's entry (lib/workers/hostile-jobs.ts, TypeScript importing
// the parsers through "@/…") bundled into one plain CommonJS file, so that
// `npm start` runs it in worker threads without tsx. Made by
// scripts/build.mjs after `next build` (which empties .next first), by
// `npm run dev`, and by the unit tests' global setup (into a folder of
// their own). esbuild, because Next's own build does not emit worker
// entries and esbuild ships with tsx already (pinned in devDependencies).
import { buildSync } from "esbuild";
import path from "node:path";
import { root } from "./paths.mjs";

export const WORKERS_DIR = path.join(root, ".next", "cancelcase-workers");
export const HOSTILE_JOBS_FILE = "hostile-jobs.cjs";

/** Writes the bundle into `dir`; returns its path. */
export function buildWorkers(dir = WORKERS_DIR) {
  const outfile = path.join(dir, HOSTILE_JOBS_FILE);
  buildSync({
    absWorkingDir: root,
    entryPoints: ["lib/workers/hostile-jobs.ts"],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: "tsconfig.json",
    alias: { "server-only": "./lib/workers/empty-module.ts" },
    logLevel: "warning",
  });
  return outfile;
}
