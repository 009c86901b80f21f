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
 * The process that serves requests: `npm start` supervises one child
 * (scripts/start.mjs), and that child is the server whose memory counts.
 */
export function servingPid(supervisorPid: number): number | null {
  return childPids(supervisorPid)[0] ?? null;
}
