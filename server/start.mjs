// `npm start`: everything a fresh machine needs, then the server, in this
// one process (so a test or benchmark can stop it by its PID).
//   1. DATA_DIR exists and is the owner's only (0700, files 0600, umask 077;
//      an existing one readable by others is tightened, with a line saying
//      so); NEXTAUTH_SECRET comes from the environment or from
//      DATA_DIR/auth-secret, generated on first start (mode 0600).
//   2. The SQLite database is migrated (prisma migrate deploy, offline).
//   3. The production build is made when it is missing or its sources changed.
//   4. The server listens on PORT (3000), in one worker process per core
//      (WEB_CONCURRENCY), each started again at once whenever it dies (see
//      supervise()).
// `npm run dev` does 1, 2 and serves with hot reload instead of 3.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { buildWorkers } from "./build-workers.mjs";
import { setting, workerRole } from "../lib/config/settings.mjs";
import { migrate } from "./migrate.mjs";
import { databaseFileFromEnv, dataDirFromEnv, fail, pidFile, root } from "./paths.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";
// These machines and many self-hosted servers are offline; never phone home.
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** A setting's value, or the end of the start with the reason when it makes no sense. */
function read(name) {
  try {
    return setting(name);
  } catch (error) {
    return fail(error.message);
  }
}

const port = read("PORT");
const host = read("HOST");
const dataDir = dataDirFromEnv();

function log(message) {
  console.log(`[cancelcase] ${message}`);
}

/** Owner-only: what the server and its children create is 0600 / 0700. */
function keepFilesPrivate() {
  process.umask(0o077);
}

/** Tightens a file or folder that group or others may read, and says so. */
function makePrivate(target, mode) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return; // not there (yet)
  }
  if ((stat.mode & 0o077) === 0) return;
  fs.chmodSync(target, mode);
  log(
    `${target} was readable by others (mode ${(stat.mode & 0o777).toString(8)}); made it ${mode.toString(8)}`,
  );
}

function prepareDataDir() {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dataDir, "receipts"), { recursive: true, mode: 0o700 });
  makePrivate(dataDir, 0o700);
  makePrivate(path.join(dataDir, "receipts"), 0o700);
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${databaseFileFromEnv()}`;
}

/** The database and its WAL files hold every user's data: the owner's only. */
function makeDatabasePrivate() {
  const file = databaseFileFromEnv();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) makePrivate(`${file}${suffix}`, 0o600);
}

function loadOrCreateSecret() {
  if (read("NEXTAUTH_SECRET") !== null) return;
  const file = path.join(dataDir, "auth-secret");
  try {
    fs.writeFileSync(file, randomBytes(48).toString("base64url") + "\n", {
      mode: 0o600,
      flag: "wx",
    });
    log(`generated an auth secret in ${file}`);
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    fail(`${file} holds a secret shorter than 32 characters; delete it to regenerate`);
  process.env.NEXTAUTH_SECRET = secret;
}

function migrateDatabase() {
  const databaseUrl = `file:${databaseFileFromEnv()}`;
  log(`migrating ${databaseUrl.replace(/^file:/, "")}`);
  try {
    process.stdout.write(migrate(databaseUrl));
  } catch (error) {
    fail(error.message);
  }
}

// npm start is a small supervisor: it prepares everything once, then runs
// the server in worker processes (node:cluster, one per core, or
// WEB_CONCURRENCY), which share the port, and starts a worker again at once
// if it dies for any reason (out of memory, a crash, kill -9). The primary
// serves nothing itself; it holds the counters the workers share (the login
// and sign-up throttles, the dispute-pack slots: rate-limiter-flexible's
// cluster master). Worker 0 is the leader: its first start sweeps files a
// crash left behind before any other worker exists (so never while a sibling
// is uploading), and it runs the reminder scheduler. Workers exit when the
// primary goes (their IPC channel closes), so stopping npm start, even with
// kill -9, never leaves a server behind holding the port.
const SERVING_CHILD = workerRole().servingChild;
const RESTARTS_PER_MINUTE = 5;

async function serve() {
  const { startServer } = await import("./server.mjs");
  await startServer({ root, dev, host, port });
}

/** How many worker processes serve: WEB_CONCURRENCY, else one per available core. */
function workerCount() {
  return read("WEB_CONCURRENCY") ?? Math.max(1, os.availableParallelism());
}

function writePidFile() {
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

async function supervise() {
  // Before any worker: the store of the counters they share.
  // Its own file, not the package's index of 30 stores (lib/limits/rate-limiter-flexible.d.ts).
  const { RateLimiterClusterMaster } =
    await import("rate-limiter-flexible/lib/RateLimiterCluster.js");
  new RateLimiterClusterMaster();
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: process.argv.slice(2) });
  const count = workerCount();
  let stopping = false;
  let swept = false;
  const workers = new Map(); // index → worker
  const crashes = [];
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
      while (crashes[0] < now - 60_000) crashes.shift();
      if (crashes.length > RESTARTS_PER_MINUTE * count) {
        for (const other of workers.values()) other.process.kill("SIGKILL");
        fail(`the server stopped ${crashes.length} times within a minute; giving up`);
      }
      log(`worker ${index} stopped (${signal ?? `exit code ${code}`}); starting it again`);
      start(index);
    });
    return worker;
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const worker of workers.values()) worker.process.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
  writePidFile();
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

if (SERVING_CHILD) {
  // Everything was prepared by the supervisor; its environment came along.
  process.on("disconnect", () => process.exit(1));
  await serve();
} else {
  keepFilesPrivate();
  prepareDataDir();
  loadOrCreateSecret();
  // next-auth reads NEXTAUTH_URL itself; it is BASE_URL unless set apart.
  process.env.NEXTAUTH_URL ||= read("BASE_URL");
  process.env.PORT = String(port);
  migrateDatabase();
  makeDatabasePrivate();
  if (dev) {
    // The worker pool's entry is bundled apart from Next's build (scripts/build-workers.mjs).
    buildWorkers();
    writePidFile();
    await serve();
  } else {
    const seconds = buildIfStale();
    if (seconds !== null) log(`built in ${seconds.toFixed(1)} s`);
    await supervise();
  }
}
