// `npm run bench:memory`: where npm start's memory is, process by process
// (issue 37's budgets: ≤ 320 MiB RSS summed under the bench's load, an idle
// serving worker ≤ 140 MiB). It starts the production server on the bench's
// data set in a throwaway DATA_DIR and prints, for each process (the
// supervisor, each serving worker, the file reader when one runs), its RSS
// and PSS (shared pages divided among the processes that share them) at
// three moments: idle after start, the peak while the peer user's dashboard
// is loaded by 10 sessions at c=10 (MEMORY_REQUESTS requests, default
// 3,000), and idle again 20 s after the load (V8's memory reducer gives
// the heap it grew under load back some 10 s after the load ends: sampled
// at 6 s, a worker still held 30 MiB it gave back by 10 s).
// WEB_CONCURRENCY and the server's other settings come from the environment
// as they would for npm start. MEMORY_DATA_DIR keeps the data set in a folder
// of your choosing and reuses it on the next run (generating it takes minutes).
// MEMORY_NEW=1 makes every request a render (a URL no view had before, as
// after a write) instead of a page-cache hit; MEMORY_NODE_ARGS adds Node.js
// flags after npm start's own (e.g. "--max-old-space-size=128" to try one).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfStale } from "../scripts/build.mjs";
import { childPids } from "../tests/support/processes.ts";
import { generateDataset } from "./dataset.mjs";
import { passwordHash, signIn, startServer } from "./server.mjs";
import { rotating } from "./load.mjs";

const REQUESTS = Number(process.env.MEMORY_REQUESTS || 3000);
const EVERY_VIEW_NEW = process.env.MEMORY_NEW === "1";
const NODE_ARGS = (process.env.MEMORY_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const log = (message) => console.log(`[memory] ${message}`);

/** A field of /proc/<pid>/smaps_rollup (Rss, Pss …) in MiB; 0 once the process is gone. */
function rollupMiB(pid, field) {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)[1]) / 1024;
  } catch {
    return 0;
  }
}

/** What a process of npm start is, from its command line and the environment the supervisor gave it. */
function roleOf(pid, supervisorPid) {
  if (pid === supervisorPid) return "supervisor";
  let cmdline = "";
  let environ = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
  } catch {
    return "gone";
  }
  if (cmdline.includes("file-host")) return "file reader";
  const worker = /(?:^|\0)CANCELCASE_WORKER=(\d+)/.exec(environ);
  if (worker && cmdline.includes("start.mjs")) return `worker ${worker[1]}`;
  return cmdline.trim().slice(0, 40);
}

function tree(pid) {
  const out = [pid];
  for (const child of childPids(pid)) out.push(...tree(child));
  return out;
}

/** Every process of npm start now: role, RSS, PSS. */
function snapshot(supervisorPid) {
  return tree(supervisorPid).map((pid) => ({
    pid,
    role: roleOf(pid, supervisorPid),
    rss: rollupMiB(pid, "Rss"),
    pss: rollupMiB(pid, "Pss"),
  }));
}

const sum = (rows, field) => rows.reduce((total, row) => total + row[field], 0);
const mib = (n) => n.toFixed(1).padStart(7);

function print(title, rows) {
  console.log(`\n${title}`);
  console.log("  role            pid       RSS MiB   PSS MiB");
  for (const row of rows)
    console.log(
      `  ${row.role.padEnd(14)}  ${String(row.pid).padEnd(8)}  ${mib(row.rss)}   ${mib(row.pss)}`,
    );
  console.log(
    `  ${"all".padEnd(14)}  ${"".padEnd(8)}  ${mib(sum(rows, "rss"))}   ${mib(sum(rows, "pss"))}`,
  );
}

/** Lets the workers settle (start-up garbage collected, lazy timers run) before an idle reading. */
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

buildIfStale({ stdio: "ignore" });
const kept = process.env.MEMORY_DATA_DIR ? path.resolve(process.env.MEMORY_DATA_DIR) : null;
const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-memory-"));
const datasetFile = path.join(dataDir, "memory-dataset.json");
try {
  let dataset;
  if (kept && fs.existsSync(datasetFile)) {
    dataset = JSON.parse(fs.readFileSync(datasetFile, "utf8"));
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    const migrate = await startServer(dataDir);
    await migrate.stop();
    log("generating the bench's data set…");
    dataset = await generateDataset({
      dbFile: path.join(dataDir, "cancelcase.db"),
      dataDir,
      passwordHash: await passwordHash(),
    });
    fs.writeFileSync(datasetFile, JSON.stringify({ peer: dataset.peer }));
  }
  const server = await startServer(dataDir, {}, NODE_ARGS);
  const supervisorPid = server.child.pid;
  await settle(3000);
  print("idle after start", snapshot(supervisorPid));

  const sessions = [];
  for (let i = 0; i < 10; i++) sessions.push(await signIn(server.base, dataset.peer.email));
  // The per-process peak while the load runs, and the sum's peak (not the sum of the peaks).
  const peaks = new Map();
  let peakSum = { rss: 0, pss: 0 };
  const sample = () => {
    const rows = snapshot(supervisorPid);
    for (const row of rows) {
      const seen = peaks.get(row.pid);
      peaks.set(row.pid, {
        ...row,
        rss: Math.max(row.rss, seen?.rss ?? 0),
        pss: Math.max(row.pss, seen?.pss ?? 0),
      });
    }
    peakSum = {
      rss: Math.max(peakSum.rss, sum(rows, "rss")),
      pss: Math.max(peakSum.pss, sum(rows, "pss")),
    };
  };
  const sampler = setInterval(sample, 200);
  log(
    `${REQUESTS} dashboard requests, 10 sessions at c=10${EVERY_VIEW_NEW ? ", every one rendered" : ""}…`,
  );
  const result = await autocannon({
    url: `${server.base}/dashboard`,
    connections: 10,
    amount: REQUESTS,
    headers: { accept: "text/html", "accept-encoding": "br, gzip" },
    requests: rotating(sessions, { everyViewNew: EVERY_VIEW_NEW }),
  });
  sample();
  clearInterval(sampler);
  log(`${result.requests.total} answered, ${result.non2xx} not 2xx, ${result.errors} errors`);
  if (result.non2xx + result.errors > 0) console.log(server.stderr().slice(-3000));
  print("peak of each process under load", [...peaks.values()]);
  console.log(
    `  peak of the sum: RSS ${peakSum.rss.toFixed(1)} MiB, PSS ${peakSum.pss.toFixed(1)} MiB`,
  );
  await settle(20_000);
  print("idle after the load", snapshot(supervisorPid));
  await server.stop();
} finally {
  if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
}
