import fs from "node:fs";

/** The children of a process, from Linux's /proc. */
export function childPids(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * The processes that serve requests: `npm start` (server/start.mjs) is a
 * primary whose children are the worker processes (one per core, or
 * WEB_CONCURRENCY).
 */
export function servingPids(supervisorPid: number): number[] {
  return childPids(supervisorPid);
}

/** One serving process (the first worker), or null while none runs. */
export function servingPid(supervisorPid: number): number | null {
  return servingPids(supervisorPid)[0] ?? null;
}
