// @ts-check
// How many serving workers npm start runs when WEB_CONCURRENCY is unset: one
// per core, but no more than the machine's memory holds (issue 37). A worker
// per core alone put two workers and the supervisor, about 450 MiB under
// load, into a 512 MiB container, which then killed them in turn.
import fs from "node:fs";
import os from "node:os";

const MiB = 1024 * 1024;

/**
 * What one serving worker may come to: its JavaScript heap may grow to 192
 * MiB (`--max-old-space-size` in package.json's start script), and the Node
 * binary, code and native memory come on top (bench/memory.mjs measures
 * 200–210 MiB RSS under the bench's load).
 */
export const WORKER_BUDGET_BYTES = 256 * MiB;

/**
 * What the rest needs before the first worker: the supervisor (about 50 MiB),
 * the file reader while it reads an upload (its job heap, FILE_WORKER_HEAP_MB,
 * 192 MiB) and some room for the system.
 */
export const RESERVE_BYTES = 192 * MiB;

/**
 * The memory that applies: the smallest of the limits (the machine's, a
 * container's); one that is not a positive safe integer means "no limit".
 * @param {(number | null | undefined)[]} limits
 * @returns {number | null}
 */
export function memoryOf(limits) {
  const known = /** @type {number[]} */ (
    limits.filter((limit) => typeof limit === "number" && Number.isSafeInteger(limit) && limit > 0)
  );
  return known.length === 0 ? null : Math.min(...known);
}

/**
 * The worker count for a machine: min(cores, ⌊(memory − reserve) / budget⌋),
 * at least 1 (one worker is what a machine too small for even that gets: it
 * may still serve a household). Memory unknown: one per core.
 * @param {{ cores: number, memoryBytes: number | null, reserveBytes?: number, workerBudgetBytes?: number }} machine
 */
export function workerCountFor({
  cores,
  memoryBytes,
  reserveBytes = RESERVE_BYTES,
  workerBudgetBytes = WORKER_BUDGET_BYTES,
}) {
  const byCores = Math.max(1, Math.floor(cores));
  if (memoryBytes === null) return byCores;
  const byMemory = Math.floor((memoryBytes - reserveBytes) / workerBudgetBytes);
  return Math.max(1, Math.min(byCores, byMemory));
}

/**
 * A cgroup memory limit file's value in bytes ("max", or cgroup v1's huge
 * "unlimited" number, and a missing file are no limit).
 * @param {string} file
 * @returns {number | null}
 */
export function cgroupLimit(file) {
  let raw;
  try {
    raw = fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  const bytes = Number(raw);
  // cgroup v1 says "no limit" with a number near 2^63.
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/**
 * This machine's memory: the least of its RAM, its cgroup's limit as libuv
 * reads it (v1 or v2, this process's own cgroup; Node 20 says 2^64 for none)
 * and a container's cgroup v2 file, should that reading be missing.
 */
export function machineMemory() {
  return memoryOf([
    os.totalmem(),
    process.constrainedMemory?.(),
    cgroupLimit("/sys/fs/cgroup/memory.max"),
  ]);
}

/** The default of WEB_CONCURRENCY on this machine. */
export function defaultWorkerCount() {
  return workerCountFor({ cores: os.availableParallelism(), memoryBytes: machineMemory() });
}
