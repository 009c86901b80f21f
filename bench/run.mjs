// `npm run bench`: how fast CancelCase is on this machine, against the budgets
// of the performance issue. In one run it
//   1. builds the app (timed) and measures each route's first-load JS
//      (gzipped, as a real Chromium loads the page),
//   2. generates the data set (bench/dataset.mjs) in a throwaway DATA_DIR,
//   3. starts the production server with SQL logging on: cold start time, and
//      the SQL statements each page costs the heavy and the typical user,
//   4. starts it again without logging (npm start as it is: one worker per
//      core) and drives it with autocannon at concurrency 1 and 10, every
//      request with a browser's Accept-Encoding: the floor of the stack (a
//      constant route handler, a static file, the emptiest signed-in page;
//      and, for scale, the same file from Node.js's own HTTP server, no app),
//      the signed-out login and register pages, the peer-shaped user's
//      dashboard and subscriptions (10 sessions taking turns), and pages, API
//      lists and writes as the heavy and the typical user. Each run reads the
//      server's CPU time (all its processes) from /proc, per request; memory
//      is all its processes' RSS summed (and their PSS, which counts the
//      pages they share once), sampled every 200 ms,
//   5. writes bench/results/<date>.json and regenerates BENCHMARKS.md.
// BENCH_DURATION (seconds per run, default 5) trades precision for time.
// BENCH_ONLY=<regex> runs the matching scenarios only ("<name> as <user>");
// with BENCH_LEVER="<n>-<slug>: what changed" such a run is one step of the
// levers table (bench/results/levers/, shown in BENCHMARKS.md).
// `npm run bench -- --hostile` runs bench/hostile.mjs instead: the hostile
// files of issue 30 (another user's p99 and the server's RSS per file), and
// `npm run bench -- --postgres` bench/postgres.mjs: SQLite against PostgreSQL
// and a bucket, one and two instances, on this data set and load.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { buildIfStale } from "../scripts/build.mjs";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium.ts";
import { root } from "../scripts/paths.mjs";
import { generateDataset } from "./dataset.mjs";
import { benchUsers, cannon, rotating, scenarios, warmUp } from "./load.mjs";
import { prismaCallCost } from "./prisma-cost.mjs";
import { passwordHash, signIn, startBareServer, startServer } from "./server.mjs";
import { AFTER_A_WRITE, BARE_NODE, NO_DATA_PAGE } from "./budgets.mjs";
import { writeReport } from "./report.mjs";

// `npm run bench -- --hostile`: issue 30's hostile files instead (bench/hostile.mjs).
if (process.argv.includes("--hostile")) {
  await import("./hostile.mjs");
  process.exit(process.exitCode ?? 0);
}
// `npm run bench -- --postgres`: SQLite vs PostgreSQL, one and two instances (bench/postgres.mjs).
if (process.argv.includes("--postgres")) {
  await import("./postgres.mjs");
  process.exit(process.exitCode ?? 0);
}

const DURATION = Number(process.env.BENCH_DURATION || 5);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const wanted =
  (user = "-") =>
  (scenario) =>
    !ONLY || ONLY.test(`${scenario.name} as ${user}`);
const log = (message) => console.log(`[bench] ${message}`);

/** SQL statements one request runs, from the adapter's debug log (a server started with DEBUG). */
async function queriesPerRequest(server, scenario) {
  const count = () => (server.stderr().match(/\[js::(queryRaw|executeRaw)\]/g) ?? []).length;
  const before = count();
  const response = await fetch(server.base + scenario.path, { headers: scenario.headers });
  await response.arrayBuffer();
  await new Promise((r) => setTimeout(r, 100));
  if (!response.ok) throw new Error(`${scenario.path}: ${response.status}`);
  return count() - before;
}

/**
 * Each route's JavaScript on a first visit, gzipped, as Chromium fetches it;
 * and the requests for server-rendered data (RSC) the visit makes on its own
 * until the network is idle (link prefetches), each a render on the server.
 */
async function firstLoadJs(base, auth, routes) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const out = {};
  const rscRequests = {};
  // The scripts every route loads (React, Next.js's router, the app's shell).
  let shared = null;
  let sharedKB = 0;
  try {
    for (const [name, url] of routes) {
      const context = await browser.newContext();
      const { name: cookieName, value } = (([n, ...v]) => ({ name: n, value: v.join("=") }))(
        auth.cookie.split("="),
      );
      // The login page is for people who are signed out (it sends the others on).
      if (url !== "/login") await context.addCookies([{ name: cookieName, value, url: base }]);
      const page = await context.newPage();
      const scripts = [];
      rscRequests[name] = 0;
      page.on("request", (request) => {
        if (request.headers()["rsc"] === "1") rscRequests[name]++;
      });
      page.on("response", (response) => {
        if (response.request().resourceType() === "script")
          scripts.push(
            response
              .body()
              .catch(() => Buffer.alloc(0))
              .then((body) => [new URL(response.url()).pathname, zlib.gzipSync(body).length]),
          );
      });
      const response = await page.goto(base + url, { waitUntil: "networkidle" });
      // Measure the page itself, never a login redirect or a not-found page.
      if (!response?.ok() || new URL(page.url()).pathname !== new URL(base + url).pathname)
        throw new Error(`${url} did not load as itself (${response?.status()} at ${page.url()})`);
      const sized = await Promise.all(scripts);
      const kB = (bytes) => Math.round((bytes / 1000) * 10) / 10; // kB (1,000 bytes), as Next.js reports sizes
      out[name] = kB(sized.reduce((sum, [, size]) => sum + size, 0));
      const here = new Map(sized);
      shared = shared ? new Map([...shared].filter(([url]) => here.has(url))) : here;
      sharedKB = kB([...shared.values()].reduce((sum, size) => sum + size, 0));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { js: out, rscRequests, sharedKB };
}

const started = performance.now();
log("building the app (timed)…");
const buildSeconds = buildIfStale({ force: !ONLY, stdio: "ignore" }) ?? 0;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bench-"));
const dbFile = path.join(dataDir, "cancelcase.db");
log(`data set in ${dataDir}`);
// npm start migrates; the data set is written into the migrated file before the server opens it.
{
  const migrate = await startServer(dataDir);
  await migrate.stop();
}
const generatedAt = performance.now();
const dataset = await generateDataset({
  dbFile,
  dataDir,
  passwordHash: await passwordHash(),
});
log(
  `generated ${JSON.stringify(dataset.counts)} in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
);
log("what one database call costs (better-sqlite3, Prisma $queryRaw, Prisma findUnique)…");
const callCost = await prismaCallCost(dbFile, dataset.typical.email);

// Each user's case page is one case; writes go to another, and transitions
// move others still, so the page measured does not grow during the run.
const users = benchUsers(dbFile, dataset);

// 3. Cold start and SQL per page, with the adapter's debug log on.
const counting = await startServer(dataDir, { DEBUG: "prisma:driver-adapter:better-sqlite3" });
const coldStartMs = counting.coldStartMs;
const queries = {};
for (const user of users) {
  user.auth = await signIn(counting.base, user.email);
  for (const scenario of scenarios(user).filter((s) => s.group !== "write")) {
    queries[scenario.name] ??= {};
    queries[scenario.name][user.name] = await queriesPerRequest(counting, scenario);
  }
}
const jsRoutes = [
  ["/login", "/login"],
  ["/dashboard", "/dashboard"],
  ["/subscriptions", "/subscriptions"],
  ["/subscriptions/new", "/subscriptions/new"],
  ["/cases", "/cases"],
  ["/cases/[id]", `/cases/${users[0].caseId}`],
  ["/cases/[id]/evidence", `/cases/${users[0].caseId}/evidence`],
  ["/notes", "/notes?q=refund"],
  ["/settings", "/settings"],
];
// As the heavy user: the case page is theirs, and their lists are full.
const {
  js: firstLoad,
  rscRequests,
  sharedKB: firstLoadSharedKB,
} = ONLY && !ONLY.test("first-load js")
  ? { js: {}, rscRequests: {}, sharedKB: 0 }
  : await firstLoadJs(counting.base, users[0].auth, jsRoutes);
await counting.stop();

// 4. Load.
const server = await startServer(dataDir);
const runs = [];
const newUser = await signIn(server.base, dataset.empty.email);
log("warming the server up (pages, 12 s)…");
await warmUp(server, newUser.cookie, ["/dashboard", "/subscriptions", "/cases", "/settings"], 12);
const floor = [
  { name: "floor: constant route handler", group: "floor", path: "/api/ping" },
  { name: "floor: static file", group: "floor", path: "/robots.txt" },
  // The least a signed-in page does: session, user, layout, one empty query.
  {
    name: "floor: signed-in page, nothing in it",
    group: "floor",
    path: "/dashboard",
    html: true,
    // Rendered every time (never from the page cache): the floor of a render.
    requests: rotating([newUser], { everyViewNew: true }),
  },
  // Next.js's render of a page with nothing in it: the root layout and the
  // not-found page, signed out (no session, no database).
  {
    name: NO_DATA_PAGE,
    group: "floor",
    path: "/bench-no-such-page",
    html: true,
    status: 404,
  },
  // Pages that hold no user data at all.
  { name: "login page, signed out", group: "anonymous", path: "/login", html: true },
  { name: "register page, signed out", group: "anonymous", path: "/register", html: true },
];
for (const connections of [1, 10]) {
  for (const scenario of floor.filter(wanted())) {
    log(`${scenario.name} c=${connections}`);
    runs.push({
      scenario: scenario.name,
      group: scenario.group,
      user: "-",
      concurrency: connections,
      ...(await cannon(server, scenario, connections, DURATION)),
    });
  }
}
// The same file from Node.js's own HTTP server, no app, in as many processes
// as npm start serves with: what stands in the way of the static-file budget.
const bareScenario = { name: BARE_NODE, group: "floor", path: "/robots.txt" };
if (wanted()(bareScenario)) {
  const bare = await startBareServer("public/robots.txt", server.processes() - 1);
  for (const connections of [1, 10]) {
    log(`${BARE_NODE} c=${connections}`);
    runs.push({
      scenario: BARE_NODE,
      group: "floor",
      user: "-",
      concurrency: connections,
      ...(await cannon(bare, bareScenario, connections, DURATION)),
    });
  }
  await bare.stop();
}
// Peer-shaped: one user with 200 subscriptions and 20 cases, signed in from
// 10 browsers, the requests taking turns among the 10 sessions.
const peerSessions = [];
for (let i = 0; i < 10; i++) peerSessions.push(await signIn(server.base, dataset.peer.email));
// After warm-up every session has its pages kept rendered (server/middlewares/
// signed-in-page-cache.mjs): these runs are repeat views. The "after a write"
// runs give every request a query no view had before, so each one is rendered
// as it would be after a write moved the user's data version on.
const peerScenarios = [
  { name: "dashboard", group: "page", path: "/dashboard", requests: rotating(peerSessions) },
  {
    name: "subscriptions page",
    group: "page",
    path: "/subscriptions",
    requests: rotating(peerSessions),
  },
  {
    name: AFTER_A_WRITE.dashboard,
    group: "page",
    path: "/dashboard",
    requests: rotating(peerSessions, { everyViewNew: true }),
  },
  {
    name: AFTER_A_WRITE.subscriptions,
    group: "page",
    path: "/subscriptions",
    requests: rotating(peerSessions, { everyViewNew: true }),
  },
];
for (const connections of [1, 10]) {
  for (const scenario of peerScenarios.filter(wanted("peer"))) {
    log(`${scenario.name} as peer (10 sessions) c=${connections}`);
    runs.push({
      scenario: scenario.name,
      group: scenario.group,
      user: "peer",
      concurrency: connections,
      ...(await cannon(server, scenario, connections, DURATION)),
    });
  }
}
for (const user of users) {
  user.auth = await signIn(server.base, user.email);
  for (const connections of [1, 10]) {
    for (const scenario of scenarios(user).filter(wanted(user.name))) {
      log(`${scenario.name} as ${user.name} c=${connections}`);
      runs.push({
        scenario: scenario.name,
        group: scenario.group,
        user: user.name,
        concurrency: connections,
        ...(await cannon(server, scenario, connections, DURATION)),
      });
    }
  }
}
const peakRssMiB = Math.round(server.peakRssMiB() * 10) / 10;
const peakPssMiB = Math.round(server.peakPssMiB() * 10) / 10;
const serverProcesses = server.processes();
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

// 5. An upload's memory against its size (bench/upload-memory.mjs, its own server).
log("upload memory (20 MiB and 200 MiB receipts)…");
// (process.execArgv carries tsx, which bench/server.mjs needs.)
if (!ONLY)
  spawnSync(process.execPath, [...process.execArgv, "bench/upload-memory.mjs"], {
    cwd: root,
    stdio: "ignore",
  });
const uploadFile = path.join(
  root,
  "bench",
  "results",
  `upload-memory-${new Date().toISOString().slice(0, 10)}.json`,
);
const upload = fs.existsSync(uploadFile) ? JSON.parse(fs.readFileSync(uploadFile, "utf8")) : null;

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  },
  durationSeconds: DURATION,
  dataset: dataset.counts,
  buildSeconds: Math.round(buildSeconds * 10) / 10,
  coldStartMs: Math.round(coldStartMs),
  peakRssMiB,
  peakPssMiB,
  serverProcesses,
  callCost,
  firstLoadJsKB: firstLoad,
  firstLoadSharedKB,
  rscRequestsPerView: rscRequests,
  queriesPerRequest: queries,
  runs,
  upload,
  benchSeconds: Math.round((performance.now() - started) / 1000),
};
if (ONLY && process.env.BENCH_LEVER) {
  // One step of the levers table (BENCHMARKS.md): BENCH_LEVER names the step,
  // "<n>-<slug>: what changed"; its runs are kept in bench/results/levers/.
  const [, step, what] = /^([\w-]+):\s*(.+)$/.exec(process.env.BENCH_LEVER) ?? [];
  if (!step) throw new Error('BENCH_LEVER is "<n>-<slug>: what changed"');
  const dir = path.join(root, "bench", "results", "levers");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${step}.json`);
  const { git } = await import("./git.mjs");
  const { default: prettier } = await import("prettier");
  const json = JSON.stringify({
    step,
    what,
    commit: git(),
    date: results.date,
    peakRssMiB,
    peakPssMiB,
    runs,
  });
  // Formatted as the repository's own check expects (npm test runs prettier --check).
  fs.writeFileSync(file, await prettier.format(json, { filepath: file }));
  log(`lever step written to ${path.relative(root, file)}`);
}
if (ONLY) {
  // A partial run is for the person working on it, never for BENCHMARKS.md.
  for (const r of runs)
    console.log(
      `${r.scenario} | ${r.user} | c=${r.connections} | ${r.rps} req/s | p50 ${r.p50} | p99 ${r.p99} | ` +
        `CPU ${r.cpuMsPerRequest} ms | ${r.bytesPerRequest} B | errors ${r.errors} | RSS after ${r.rssAfterMiB} MiB | ${JSON.stringify(r.statusCodes)}`,
    );
  console.log(`peak RSS ${peakRssMiB} MiB, PSS ${peakPssMiB} MiB; one call:`, callCost);
  if (Object.keys(firstLoad).length)
    console.log("first-load JS (kB gz):", firstLoad, "RSC requests per view:", rscRequests);
  console.log(queries);
} else {
  const file = await writeReport(results);
  log(`results in ${file}; BENCHMARKS.md regenerated (${results.benchSeconds} s)`);
}
