// Writes bench/results/<date>.json and regenerates BENCHMARKS.md from it:
// the numbers are never typed by hand.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { root } from "../scripts/paths.mjs";
import { hostileSection, latestHostileResults } from "./hostile-report.mjs";
import { latestPostgresResults, postgresSection } from "./postgres-report.mjs";
import { WARM_UP_SECONDS } from "./load.mjs";
import {
  BARE_NODE,
  BUDGETS,
  budgetsOf,
  EMPTY,
  FLOOR,
  ISSUE_37,
  NO_DATA_PAGE,
  runOf,
  WALLOS,
} from "./budgets.mjs";

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

const mark = (ok) => (ok ? "✅ met" : "❌ missed");

const HEAVY_LEVER_PAGES = ["subscriptions page", "cases list", "case page"];

/** The levers table: each step of bench/results/levers/, against the one before it. */
export function leversSection() {
  const dir = path.join(root, "bench", "results", "levers");
  if (!fs.existsSync(dir)) return "";
  const steps = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
  if (steps.length === 0) return "";
  const cell = (step, scenario, concurrency, user, field) =>
    String(runOf(step.runs, scenario, concurrency, user)?.[field] ?? "-");
  const shareOf = (step, scenario, user) => {
    const run = runOf(step.runs, scenario, 10, user);
    const floor = runOf(step.runs, FLOOR, 10);
    return run && floor ? (run.rps / floor.rps).toFixed(3) : "-";
  };
  const rows = steps.map((step) => [
    `${step.step}: ${step.what}`,
    `${step.commit.split(" ")[0]}, ${step.date.slice(0, 10)}`,
    cell(step, EMPTY, 1, "-", "cpuMsPerRequest"),
    cell(step, "login page, signed out", 1, "-", "cpuMsPerRequest"),
    cell(step, "dashboard", 1, "peer", "cpuMsPerRequest"),
    cell(step, "subscriptions page", 1, "peer", "cpuMsPerRequest"),
    `${cell(step, "dashboard", 10, "peer", "rps")} (${shareOf(step, "dashboard", "peer")}×), p99 ${cell(step, "dashboard", 10, "peer", "p99")}`,
    `${cell(step, "subscriptions page", 10, "peer", "rps")} (${shareOf(step, "subscriptions page", "peer")}×), p99 ${cell(step, "subscriptions page", 10, "peer", "p99")}`,
    cell(step, "dashboard", 1, "peer", "bytesPerRequest"),
    HEAVY_LEVER_PAGES.map((page) => cell(step, page, 1, "heavy", "cpuMsPerRequest")).join(" / "),
    step.peakPssMiB ? `${step.peakRssMiB} (${step.peakPssMiB})` : String(step.peakRssMiB),
  ]);
  return `## Levers, one at a time

Each step is one partial run (\`bench/results/levers/<step>.json\`, written by \`BENCH_LEVER=… BENCH_ONLY=… npm
run bench\`) at the commit shown: steps measured at one commit are that app with the levers after them turned
back off, one after another; step 0 is the app before this work. This machine's speed varies from day to day
(compare a step with the one before it on the same day; where that is not enough, \`bench/ab.mjs\` runs two builds
side by side, interleaved, as in step 25). CPU is the server's (all its processes, user + system) per
request at c=1. The dashboard and the subscriptions page are the peer-shaped user's (200 subscriptions, 20
cases), requests taking turns among 10 signed-in sessions; "×" is the share of the constant route
handler's req/s in the same step.

${table(
  [
    "Step",
    "Commit, day",
    "Empty page CPU ms",
    "Login CPU ms",
    "Dashboard CPU ms",
    "Subscriptions CPU ms",
    "Dashboard c=10 req/s",
    "Subscriptions c=10 req/s",
    "Dashboard bytes (br/gzip)",
    "Heavy user CPU ms (subscriptions / cases list / case page)",
    "Peak RSS (PSS) MiB",
  ],
  rows,
)}
`;
}

/** For missed budgets, what stands in the way (markdown), or "". */
export function obstacles(results, budgets) {
  const missed = budgets.filter((b) => !b.met);
  if (missed.length === 0) return "";
  const ms = (r) => (r ? `${r.cpuMsPerRequest} ms` : "-");
  const floor = runOf(results.runs, FLOOR, 1);
  const parts = [
    `Missed: ${missed.map((b) => b.budget.replace(/^… /, "CPU, ")).join("; ")}.`,
    `For scale, on this machine in this run the constant route handler costs ${ms(floor)} of server CPU
per request and the static file ${ms(runOf(results.runs, "floor: static file", 1))}: that is what Next.js's
request handling and the HTTP server cost before any page is rendered. A page with no data at all (the
not-found page, signed out: the root layout, no session, no database) costs ${ms(runOf(results.runs, NO_DATA_PAGE, 1))}:
Next.js's render of a dynamic page (the React server render, then the HTML render of its payload), the floor
under every signed-in page's budget, before the page's own components and queries.`,
  ];
  // At c=10 every core is busy: throughput and latency follow from CPU per request.
  const cores = results.machine?.cpus;
  const floor10 = runOf(results.runs, FLOOR, 10);
  const noData10 = runOf(results.runs, NO_DATA_PAGE, 10);
  const peer10 = runOf(results.runs, "dashboard", 10, "peer");
  const heavy10 = results.runs.filter((r) => r.user === "heavy" && r.concurrency === 10);
  const worstPage10 = heavy10
    .filter((r) => r.group === "page")
    .reduce((w, r) => (!w || r.p99 > w.p99 ? r : w), undefined);
  if (cores && floor10 && noData10 && peer10 && worstPage10) {
    const share = (cpu) => (floor10.cpuMsPerRequest / cpu).toFixed(3);
    const needed = (floor10.cpuMsPerRequest / BUDGETS.peerDashboard.share).toFixed(1);
    const queued = (r) => Math.round((10 * r.cpuMsPerRequest) / cores);
    parts.push(`At c=10 the ${cores} cores are saturated, so a page's throughput and latency follow from its CPU per
request. Its share of the constant handler's req/s is at most the handler's CPU over the page's: the
peer-shaped dashboard's ${ms(peer10)} at c=10 against the handler's ${ms(floor10)} allows ${share(peer10.cpuMsPerRequest)}× (measured
${(peer10.rps / floor10.rps).toFixed(3)}×). ${BUDGETS.peerDashboard.share}× needs the dashboard at ${needed} ms or less, near the page with no data
(${ms(noData10)} at c=10, ${share(noData10.cpuMsPerRequest)}×). A request waits for the other nine: about 10 × CPU / ${cores} cores,
${queued(worstPage10)} ms on average for the ${worstPage10.scenario} (${ms(worstPage10)}; p99 ${worstPage10.p99} ms), so a p99 under
${BUDGETS.pageP99Ms} ms needs every heavy page well under ${Math.round((BUDGETS.pageP99Ms * cores) / 10)} ms of CPU, and an API list's p99 under
${BUDGETS.apiListP99Ms} ms one well under ${Math.round((BUDGETS.apiListP99Ms * cores) / 10)} ms.`);
  }
  const staticFile10 = runOf(results.runs, "floor: static file", 10);
  const bare10 = runOf(results.runs, BARE_NODE, 10);
  if (staticFile10 && bare10 && staticFile10.rps < ISSUE_37.staticFile * WALLOS.staticRps)
    parts.push(`A static file: Node.js's own HTTP server, answering the same file from memory with no app at all
in as many processes, serves ${bare10.rps} req/s at c=10 here (${(bare10.rps / WALLOS.staticRps).toFixed(2)}× nginx's ${WALLOS.staticRps}),
against CancelCase's ${staticFile10.rps} (${((staticFile10.rps / bare10.rps) * 100).toFixed(0)} % of it): ${ISSUE_37.staticFile}× nginx is above what any
Node.js server reaches on this machine. nginx in front answers the build's files itself
([deploy/nginx-one-machine.conf](deploy/nginx-one-machine.conf), docs/operations.md).`);
  if (results.peakPssMiB && results.peakRssMiB >= BUDGETS.rssMiB)
    parts.push(`Memory: the RSS summed over the ${results.serverProcesses ?? 1} processes (${results.peakRssMiB} MiB) counts each page they share
(Node's binary and libraries, about 40–48 MiB of file-backed memory a process) once per process; counted
once (PSS), the processes hold ${results.peakPssMiB} MiB together at the same peak.${
      bare10?.rssAfterMiB
        ? ` As many bare Node.js processes (the
static-file run above: a cluster serving one file, no app) hold ${bare10.rssAfterMiB} MiB RSS summed before any of the app is loaded.`
        : ""
    }`);
  if (results.firstLoadSharedKB)
    parts.push(`Of each route's first-load JavaScript, ${results.firstLoadSharedKB} kB (gzipped) is scripts every route
loads: React DOM, Next.js's router and the app's shell and error pages; a route's own code is the rest.`);
  if (results.callCost) {
    const { betterSqlite3Ms, queryRawMs, findUniqueMs } = results.callCost;
    parts.push(`A Prisma call has a fixed cost: reading one user by id takes ${findUniqueMs} ms through
\`findUnique\`, ${queryRawMs} ms through \`$queryRaw\` and ${betterSqlite3Ms} ms through better-sqlite3 directly
(bench/prisma-cost.mjs).`);
  }
  return `## What stands in the way\n\n${parts.join("\n\n")}\n`;
}

export async function writeReport(results) {
  const day = results.date.slice(0, 10);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${day}.json`);
  fs.writeFileSync(file, await prettier.format(JSON.stringify(results), { filepath: file }));

  const floorRps = Object.fromEntries(
    results.runs
      .filter((r) => r.scenario === "floor: constant route handler")
      .map((r) => [r.concurrency, r.rps]),
  );
  const runRows = results.runs.map((r) => [
    r.scenario,
    r.user,
    String(r.connections),
    String(r.rps),
    String(r.p50),
    String(r.p99),
    String(r.cpuMsPerRequest),
    String(r.bytesPerRequest),
    String(r.errors),
    (r.rps / floorRps[r.concurrency]).toFixed(3),
  ]);
  const budgets = budgetsOf(results);
  const md = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${results.date}; never edited by hand. Raw
numbers: \`bench/results/${day}.json\`.

Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}.
Production build (\`next build\` ${results.buildSeconds} s), ${results.serverProcesses ?? 1} server processes (npm start's primary and its workers), SQLite on local disk,
load from autocannon on the same machine, ${results.durationSeconds} s per run after a ${WARM_UP_SECONDS} s warm-up on every worker.
Cold start (spawn of \`npm start\`'s script to the first served page, migrations included):
${results.coldStartMs} ms. The whole benchmark took ${results.benchSeconds} s.

Data set: ${Object.entries(results.dataset)
    .map(([t, n]) => `${n.toLocaleString("en-US")} ${t}`)
    .join(", ")}. The heavy user has 1,000 subscriptions, 3,000 cases, 30,000 notes and 2,000
receipts; the typical user 20 subscriptions and 5 cases; the peer-shaped user 200 subscriptions and 20 cases, signed in
from 10 browsers. Every request carries a browser's \`Accept-Encoding\` (pages are measured compressed, as they are
served), and "CPU ms" is the server's own CPU time (all its processes, user + system, from /proc) per request.

## Budgets

${table(
  ["Budget", "Measured", ""],
  budgets.map((b) => [b.budget, b.measured, mark(b.met)]),
)}

${obstacles(results, budgets)}
${leversSection()}
## Throughput and latency

Latency in ms. "× floor" is the throughput as a share of the constant route handler's at the same
concurrency, which keeps the figures comparable on a noisy machine. Transitions use one case per
connection, so the typical user (3 movable cases) runs them at fewer connections.

${table(
  [
    "Scenario",
    "User",
    "Connections",
    "req/s",
    "p50",
    "p99",
    "CPU ms",
    "Bytes",
    "Errors",
    "× floor",
  ],
  runRows,
)}

## SQL statements per request

${table(
  ["Request", "Typical user", "Heavy user"],
  Object.entries(results.queriesPerRequest).map(([s, q]) => [
    s,
    String(q.typical),
    String(q.heavy),
  ]),
)}

## First-load JavaScript (gzipped, as Chromium fetches it)

Loaded as the heavy user (the login page signed out), until the network is idle. "Server renders after load" counts the
requests for server-rendered data the page makes on its own (link prefetches).

${table(
  ["Route", "kB", "Server renders after load"],
  Object.entries(results.firstLoadJsKB).map(([route, kb]) => [
    route,
    String(kb),
    String(results.rscRequestsPerView?.[route] ?? "-"),
  ]),
)}

Peak RSS of all the server's processes together over the whole load run: ${results.peakRssMiB} MiB${
    results.peakPssMiB
      ? `; their peak PSS (each page they share, like the node binary's, counted once instead of in
every process): ${results.peakPssMiB} MiB`
      : ""
  }.
`;
  // The hostile-files and PostgreSQL runs keep their own sections (bench/*-report.mjs).
  const full = `${md}\n${hostileSection(latestHostileResults())}\n${postgresSection(latestPostgresResults())}`;
  // Formatted as the repository's own check expects (npm test runs prettier --check).
  const target = path.join(root, "BENCHMARKS.md");
  const options = (await prettier.resolveConfig(target)) ?? {};
  fs.writeFileSync(target, await prettier.format(full, { ...options, filepath: target }));
  return path.relative(root, file);
}
