// Starting the production server on a throwaway DATA_DIR and signing a user
// in, for bench/run.mjs and bench/profile.mjs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { hash } from "@node-rs/argon2";
import { root } from "../scripts/paths.mjs";
import { childPids } from "../tests/support/processes.ts";
import { serverNodeFlags } from "../tests/support/server-flags.ts";

export const PASSWORD = "bench passphrase 2026";

/** PASSWORD hashed as the app hashes passwords (argon2id, 19 MiB, t=2), for the generated users. */
export function passwordHash() {
  return hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}
const MiB = 1024 * 1024;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A memory figure of a process from /proc (Linux), in MiB. */
function procStatusMiB(pid, field) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) / 1024;
}

/** A process and all its descendants (npm start's supervisor and every worker). */
function processTree(pid) {
  const out = [];
  const visit = (p) => {
    out.push(p);
    for (const child of childPids(p)) visit(child);
  };
  visit(pid);
  return out;
}

// /proc/<pid>/stat counts CPU time in clock ticks; Linux's USER_HZ is 100.
const TICK_MS = 10;

/** User + system CPU time of one process so far, in ms (0 once it is gone). */
function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function rssOf(pid) {
  try {
    return procStatusMiB(pid, "VmRSS");
  } catch {
    return 0;
  }
}

/**
 * A process's proportional set size in MiB: its resident pages, each page it
 * shares with other processes (the node binary, libraries) divided among
 * them. Summed over processes it counts shared memory once, where RSS
 * counts it in each.
 */
function pssOf(pid) {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]) / 1024;
  } catch {
    return 0;
  }
}

/** Starts `npm start`'s script with its Node.js flags; resolves once /login answers, with the time that took. */
export async function startServer(dataDir, env = {}, nodeArgs = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeFlags(), ...nodeArgs, "server/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      BASE_URL: base,
      NEXTAUTH_SECRET: "",
      USER_QUOTA_BYTES: String(64 * 1024 * MiB),
      // The reminder pass once an hour, not each minute: its CPU (about 2 s for
      // this data set's 200 users on a first pass) is not a request's.
      REMINDER_TICK_SECONDS: "3600",
      // The write runs add hundreds of notes and receipts to one case (quotas are
      // constants; lib/config/settings.mjs reads their CANCELCASE_TEST_ override).
      CANCELCASE_TEST_NOTES_PER_CASE_MAX: "1000000",
      CANCELCASE_TEST_RECEIPTS_PER_CASE_MAX: "1000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // Measured once every worker process serves (server/start.mjs says so).
  let stdout = "";
  let allServing = false;
  child.stdout.on("data", (chunk) => {
    stdout = (stdout + chunk).slice(-4000);
    if (/all \d+ worker process\(es\) serving/.test(stdout)) allServing = true;
  });
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}\n${stderr.slice(-2000)}`);
    try {
      if (allServing && (await fetch(`${base}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // Memory is every process of npm start together (the supervisor and each
  // worker), sampled while the server runs; its peak is the largest sum seen.
  const rssMiB = () => processTree(child.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
  const pssMiB = () => processTree(child.pid).reduce((sum, pid) => sum + pssOf(pid), 0);
  let peak = rssMiB();
  let peakPss = pssMiB();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB());
    peakPss = Math.max(peakPss, pssMiB());
  }, 200);
  return {
    base,
    child,
    coldStartMs: performance.now() - started,
    stderr: () => stderr,
    peakRssMiB: () => Math.max(peak, rssMiB()),
    peakPssMiB: () => Math.max(peakPss, pssMiB()),
    rssMiB,
    /** CPU time all the server's processes have used so far, in ms. */
    cpuMs: () => processTree(child.pid).reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    /** How many processes serve (workers; the supervisor alone when it serves itself). */
    processes: () => processTree(child.pid).length,
    stop: () =>
      new Promise((resolve) => {
        clearInterval(sampler);
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** A Bearer token and a session cookie for one user. */
export async function signIn(base, email) {
  const tokenResponse = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, name: "bench" }),
  });
  const { token } = await tokenResponse.json();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = login.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!token || !session) throw new Error(`could not sign in ${email}`);
  return { bearer: `Bearer ${token}`, cookie: session.split(";")[0] };
}

/**
 * Node.js's own HTTP server answering `file` from memory in `processes`
 * processes (bench/tools/bare-http-server.mjs): the ceiling of any Node.js
 * server here, for the static-file budget. Measured as startServer's server is.
 */
export async function startBareServer(file, processes) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["bench/tools/bare-http-server.mjs", file, String(port), String(processes)],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("listening")) resolve(undefined);
    });
    child.once("exit", (code) => reject(new Error(`the bare HTTP server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () => processTree(child.pid).reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    rssMiB: () => processTree(child.pid).reduce((sum, pid) => sum + rssOf(pid), 0),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}
