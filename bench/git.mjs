// The commit a benchmark ran on (with "+changes" when the tree was not clean).
import { spawnSync } from "node:child_process";
import { root } from "../scripts/paths.mjs";

export function git() {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  const run = (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8" }).stdout.trim();
  const commit = run("rev-parse", "--short", "HEAD") || "unknown";
  return run("status", "--porcelain", "--untracked-files=no") ? `${commit}+changes` : commit;
}
