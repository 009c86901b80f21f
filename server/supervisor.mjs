// @ts-check
// npm start is a small supervisor: it prepares everything once (start.mjs),
// then runs the server in worker processes (node:cluster, one per core as
// memory allows, or WEB_CONCURRENCY), which share the port, and starts a
// worker again at once if it dies for any reason (out of memory, a crash,
// kill -9). The primary serves nothing itself and imports neither Next.js
// nor the app, so it stays near a bare Node process's size
// (bench/memory.mjs); what the workers share (the login and sign-up
// throttles, the dispute-pack slots, the reminders' claims) lives in the
// database, which other instances share too. Worker 0 is the leader: its
// first start sweeps files a crash left behind before any other worker
// exists (so never while a sibling is uploading), and it runs the reminder
// scheduler. Workers exit when the primary goes (their IPC channel closes),
// so stopping npm start, even with kill -9, never leaves a server behind
// holding the port.
import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import { defaultWorkerCount, machineMemory } from "../lib/config/worker-count.mjs";
import { pidFile } from "../scripts/paths.mjs";
import { fail, log, read } from "./log.mjs";

const RESTARTS_PER_MINUTE = 5;

/** How many worker processes serve: WEB_CONCURRENCY, else one per core as memory allows. */
function workerCount() {
  const set = read("WEB_CONCURRENCY");
  if (set !== null) return set;
  const count = defaultWorkerCount();
  const cores = os.availableParallelism();
  if (count < cores) {
    const memoryMiB = Math.round((machineMemory() ?? 0) / 1048576);
    log(
      `${count} worker process(es), not one per core (${cores}): ${memoryMiB} MiB of memory ` +
        `holds no more (WEB_CONCURRENCY sets the number)`,
    );
  }
  return count;
}

/** @param {string} dataDir */
export function writePidFile(dataDir) {
  // `npm run restore` refuses to swap the data out from under a live server.
  const pid = pidFile(dataDir);
  fs.writeFileSync(pid, `${process.pid}\n`);
  process.on("exit", () => {
    try {
      if (fs.readFileSync(pid, "utf8").trim() === String(process.pid)) fs.rmSync(pid);
    } catch {
      // already gone
    }
  });
}

/**
 * Forks the workers, each running `exec` (start.mjs, which serves when it
 * finds itself a worker), and keeps them running.
 * @param {{ exec: string, dataDir: string }} options
 */
export async function supervise({ exec, dataDir }) {
  cluster.setupPrimary({ exec, args: process.argv.slice(2) });
  const count = workerCount();
  let stopping = false;
  let swept = false;
  /** @type {Map<number, import("node:cluster").Worker>} index → worker */
  const workers = new Map();
  /** @type {number[]} */
  const crashes = [];
  /** @param {number} index */
  const start = (index) => {
    const leader = index === 0;
    const worker = cluster.fork({
      CANCELCASE_SERVING_CHILD: "1",
      CANCELCASE_WORKER: String(index),
      // The startup sweep: once, by the leader, before its siblings start.
      CANCELCASE_SWEEP: leader && !swept ? "1" : "0",
      CANCELCASE_SCHEDULER: leader ? "1" : "0",
      // glibc gives each thread that allocates (the four libuv threads that
      // compress, hash and read files) an arena of its own, and keeps what
      // they freed: two arenas bound a worker's resident memory under load.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    });
    if (leader) swept = true;
    workers.set(index, worker);
    worker.once("exit", (code, signal) => {
      workers.delete(index);
      if (stopping) {
        if (workers.size === 0) process.exit(0);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while ((crashes[0] ?? now) < now - 60_000) crashes.shift();
      if (crashes.length > RESTARTS_PER_MINUTE * count) {
        for (const other of workers.values()) other.process.kill("SIGKILL");
        fail(`the server stopped ${crashes.length} times within a minute; giving up`);
      }
      log(`worker ${index} stopped (${signal ?? `exit code ${code}`}); starting it again`);
      start(index);
    });
    return worker;
  };
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    process.once(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const worker of workers.values()) worker.process.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
  writePidFile(dataDir);
  // The leader first; the others once it listens (its sweep is done by then).
  let followers = false;
  let listening = 0;
  cluster.on("listening", () => {
    // Tests and the benchmark wait for this line before they measure.
    if (++listening === count) log(`all ${count} worker process(es) serving`);
    if (followers) return;
    followers = true;
    for (let index = 1; index < count && !stopping; index++) start(index);
  });
  start(0);
}
