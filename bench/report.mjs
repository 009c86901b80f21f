// Writes bench/results/<date>.json and regenerates BENCHMARKS.md from it:
// the numbers are never typed by hand.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { root } from "../scripts/paths.mjs";
import { hostileSection, latestHostileResults } from "./hostile-report.mjs";
import { latestPostgresResults, postgresSection } from "./postgres-report.mjs";
import { WARM_UP_SECONDS } from "./load.mjs";

const BUDGETS = {
  pageP99Ms: 150,
  apiListP99Ms: 50,
  rssMiB: 512,
  firstLoadJsKB: 150,
  // Server CPU per request (all the server's processes), in ms.
  cpu: { emptyPage: 5, peerDashboard: 6, subscriptionsPage: 8, anonymousPage: 2, heavyPage: 12 },
  // Throughput at c=10 as a share of the constant route handler's, and p99.
  peerDashboard: { share: 0.2, p99Ms: 60 },
  peerSubscriptions: { share: 0.1 },
  apiListCpuTimesFloor: 2,
};

// Wallos (PHP, nginx, two php-fpm workers) on this machine, as issue 37 quotes
// it: the lower figure of its two runs, with the same data and load.
const WALLOS = {
  dashboardRps: 137,
  dashboardCpuMs: 14,
  list200Rps: 62,
  staticRps: 63_889,
};
const ISSUE_37 = {
  dashboardRepeat: 2,
  dashboardRepeatP99Ms: 60,
  dashboardAfterWrite: 1,
  subscriptionsRepeat: 1.5,
  subscriptionsAfterWrite: 1,
  staticFile: 0.5,
  rssMiB: 320,
};
export const AFTER_A_WRITE = {
  dashboard: "dashboard, after a write (every view rendered)",
  subscriptions: "subscriptions page, after a write (every view rendered)",
};

const API_LISTS = new Set([
  "GET /api/v1/subscriptions",
  "GET /api/v1/cases",
  "GET /api/v1/notes?q=",
]);

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

const mark = (ok) => (ok ? "✅ met" : "❌ missed");

/** The run of a scenario, or undefined. */
function runOf(runs, scenario, concurrency, user = "-") {
  return runs.find(
    (r) => r.scenario === scenario && r.concurrency === concurrency && r.user === user,
  );
}

const FLOOR = "floor: constant route handler";
const EMPTY = "floor: signed-in page, nothing in it";
export const NO_DATA_PAGE = "floor: a page with no data (not found, signed out)";
const ANONYMOUS = ["login page, signed out", "register page, signed out"];

export function budgetsOf(results) {
  const runs = results.runs;
  const heavy10 = runs.filter((r) => r.user === "heavy" && r.concurrency === 10);
  const heavyPages = runs.filter((r) => r.user === "heavy" && r.group === "page");
  const pages = heavy10.filter((r) => r.group === "page");
  const lists = heavy10.filter((r) => API_LISTS.has(r.scenario));
  const worst = (list, by = "p99") =>
    list.reduce((w, r) => (r[by] > w[by] ? r : w), { [by]: 0, scenario: "-" });
  // Growing with the data is the heavy user's page needing more statements
  // than the typical user's; fewer is a page that stopped early (the cases
  // list fills its 50 rows from the follow-ups due and skips the rest query).
  const queryMismatch = Object.entries(results.queriesPerRequest).filter(
    ([, q]) => q.heavy > q.typical,
  );
  const jsWorst = Object.entries(results.firstLoadJsKB).reduce(
    (w, [route, kb]) => (kb > w[1] ? [route, kb] : w),
    ["-", 0],
  );
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const cpu = (scenario, user = "-") => runOf(runs, scenario, 1, user)?.cpuMsPerRequest ?? NaN;
  const floor10 = runOf(runs, FLOOR, 10);
  const share = (scenario) => (runOf(runs, scenario, 10, "peer")?.rps ?? 0) / (floor10?.rps ?? 1);
  const peerDash10 = runOf(runs, "dashboard", 10, "peer");
  const listCpuWorst = worst(
    runs.filter((r) => API_LISTS.has(r.scenario) && r.user === "heavy" && r.concurrency === 1),
    "cpuMsPerRequest",
  );
  const floorCpu = cpu(FLOOR);
  const heavyCpuWorst = worst(
    heavyPages.filter((r) => r.concurrency === 1),
    "cpuMsPerRequest",
  );
  const anonymousWorst = Math.max(...ANONYMOUS.map((s) => cpu(s)));
  const peer10 = (scenario) => runOf(runs, scenario, 10, "peer");
  const vsWallos = (run, wallosRps) =>
    run
      ? `${run.rps} req/s, ${(run.rps / wallosRps).toFixed(2)}× Wallos's ${wallosRps}`
      : "not run";
  const staticRun = runOf(runs, "floor: static file", 10);
  const dashboardWrite = peer10(AFTER_A_WRITE.dashboard);
  const dashboardWriteCpu = cpu(AFTER_A_WRITE.dashboard, "peer");
  return [
    {
      budget: `Issue 37: dashboard repeat views, 10 sessions at c=10 ≥ ${ISSUE_37.dashboardRepeat}× Wallos (${ISSUE_37.dashboardRepeat * WALLOS.dashboardRps} req/s), p99 ≤ ${ISSUE_37.dashboardRepeatP99Ms} ms`,
      measured: `${vsWallos(peer10("dashboard"), WALLOS.dashboardRps)}; p99 ${peer10("dashboard")?.p99} ms`,
      met:
        (peer10("dashboard")?.rps ?? 0) >= ISSUE_37.dashboardRepeat * WALLOS.dashboardRps &&
        (peer10("dashboard")?.p99 ?? Infinity) <= ISSUE_37.dashboardRepeatP99Ms,
    },
    {
      budget: `Issue 37: dashboard after a write ≥ ${ISSUE_37.dashboardAfterWrite}× Wallos (${WALLOS.dashboardRps} req/s), ≤ ${WALLOS.dashboardCpuMs} ms CPU per request`,
      measured: `${vsWallos(dashboardWrite, WALLOS.dashboardRps)}; ${dashboardWriteCpu} ms CPU (c=1)`,
      met:
        (dashboardWrite?.rps ?? 0) >= ISSUE_37.dashboardAfterWrite * WALLOS.dashboardRps &&
        dashboardWriteCpu <= WALLOS.dashboardCpuMs,
    },
    {
      budget: `Issue 37: subscriptions page (50 rows) repeat views ≥ ${ISSUE_37.subscriptionsRepeat}× Wallos's 200-row list (${ISSUE_37.subscriptionsRepeat * WALLOS.list200Rps} req/s)`,
      measured: vsWallos(peer10("subscriptions page"), WALLOS.list200Rps),
      met:
        (peer10("subscriptions page")?.rps ?? 0) >=
        ISSUE_37.subscriptionsRepeat * WALLOS.list200Rps,
    },
    {
      budget: `Issue 37: subscriptions page after a write ≥ ${ISSUE_37.subscriptionsAfterWrite}× Wallos's 200-row list (${WALLOS.list200Rps} req/s)`,
      measured: vsWallos(peer10(AFTER_A_WRITE.subscriptions), WALLOS.list200Rps),
      met:
        (peer10(AFTER_A_WRITE.subscriptions)?.rps ?? 0) >=
        ISSUE_37.subscriptionsAfterWrite * WALLOS.list200Rps,
    },
    {
      budget: `Issue 37: a static file at c=10 ≥ ${ISSUE_37.staticFile}× nginx (${ISSUE_37.staticFile * WALLOS.staticRps} req/s)`,
      measured: vsWallos(staticRun, WALLOS.staticRps).replace("Wallos's", "nginx's"),
      met: (staticRun?.rps ?? 0) >= ISSUE_37.staticFile * WALLOS.staticRps,
    },
    {
      budget: `Issue 37: all the server's processes ≤ ${ISSUE_37.rssMiB} MiB RSS summed under the load`,
      measured: `${results.peakRssMiB} MiB`,
      met: results.peakRssMiB <= ISSUE_37.rssMiB,
    },
    {
      budget: `Server CPU per request, emptiest signed-in page ≤ ${BUDGETS.cpu.emptyPage} ms`,
      measured: `${cpu(EMPTY)} ms`,
      met: cpu(EMPTY) <= BUDGETS.cpu.emptyPage,
    },
    {
      budget: `… peer-shaped dashboard ≤ ${BUDGETS.cpu.peerDashboard} ms`,
      measured: `${cpu("dashboard", "peer")} ms`,
      met: cpu("dashboard", "peer") <= BUDGETS.cpu.peerDashboard,
    },
    {
      budget: `… subscriptions page (peer-shaped: 200 subscriptions, 50 rows a page) ≤ ${BUDGETS.cpu.subscriptionsPage} ms`,
      measured: `${cpu("subscriptions page", "peer")} ms`,
      met: cpu("subscriptions page", "peer") <= BUDGETS.cpu.subscriptionsPage,
    },
    {
      budget: `… login and register pages, signed out ≤ ${BUDGETS.cpu.anonymousPage} ms`,
      measured: ANONYMOUS.map((s) => `${s.split(" ")[0]} ${cpu(s)} ms`).join(", "),
      met: anonymousWorst <= BUDGETS.cpu.anonymousPage,
    },
    {
      budget: `… every heavy-user page ≤ ${BUDGETS.cpu.heavyPage} ms`,
      measured: `worst: ${heavyCpuWorst.scenario} ${heavyCpuWorst.cpuMsPerRequest} ms`,
      met: heavyCpuWorst.cpuMsPerRequest <= BUDGETS.cpu.heavyPage,
    },
    {
      budget: `… API lists ≤ ${BUDGETS.apiListCpuTimesFloor}× the constant route handler (${floorCpu} ms)`,
      measured: `worst: ${listCpuWorst.scenario} ${listCpuWorst.cpuMsPerRequest} ms`,
      met: listCpuWorst.cpuMsPerRequest <= BUDGETS.apiListCpuTimesFloor * floorCpu,
    },
    {
      budget: `Peer-shaped dashboard, 10 sessions at c=10: ≥ ${BUDGETS.peerDashboard.share}× the constant handler's req/s, p99 ≤ ${BUDGETS.peerDashboard.p99Ms} ms`,
      measured: `${share("dashboard").toFixed(3)}× (${peerDash10?.rps} of ${floor10?.rps} req/s), p99 ${peerDash10?.p99} ms`,
      met:
        share("dashboard") >= BUDGETS.peerDashboard.share &&
        (peerDash10?.p99 ?? Infinity) <= BUDGETS.peerDashboard.p99Ms,
    },
    {
      budget: `Peer-shaped subscriptions page at c=10: ≥ ${BUDGETS.peerSubscriptions.share}× the constant handler's req/s`,
      measured: `${share("subscriptions page").toFixed(3)}× (${runOf(runs, "subscriptions page", 10, "peer")?.rps} req/s)`,
      met: share("subscriptions page") >= BUDGETS.peerSubscriptions.share,
    },
    {
      budget: `Every heavy-user page p99 < ${BUDGETS.pageP99Ms} ms (c=10), no errors`,
      measured: `worst: ${worst(pages).scenario} ${worst(pages).p99} ms; errors ${pages.reduce((n, r) => n + r.errors, 0)}`,
      met: pages.every((r) => r.p99 < BUDGETS.pageP99Ms && r.errors === 0),
    },
    {
      budget: `API lists p99 < ${BUDGETS.apiListP99Ms} ms (heavy user, c=10), no errors`,
      measured: `worst: ${worst(lists).scenario} ${worst(lists).p99} ms; errors ${lists.reduce((n, r) => n + r.errors, 0)}`,
      met: lists.every((r) => r.p99 < BUDGETS.apiListP99Ms && r.errors === 0),
    },
    {
      budget: "SQL statements per request do not grow with the data (heavy ≤ typical)",
      measured: queryMismatch.length
        ? queryMismatch.map(([s, q]) => `${s}: typical ${q.typical}, heavy ${q.heavy}`).join("; ")
        : "no more for the heavy user on any page or list",
      met: queryMismatch.length === 0,
    },
    {
      budget: `All the server's processes together < ${BUDGETS.rssMiB} MB under the load`,
      measured:
        `${results.peakRssMiB} MiB RSS summed over ${results.serverProcesses ?? "?"} processes` +
        (results.peakPssMiB ? ` (PSS, shared pages counted once: ${results.peakPssMiB} MiB)` : ""),
      met: results.peakRssMiB < BUDGETS.rssMiB,
    },
    {
      budget: `First-load JS ≤ ${BUDGETS.firstLoadJsKB} kB gzipped on every route`,
      measured: `largest: ${jsWorst[0]} ${jsWorst[1]} kB`,
      met: jsWorst[1] <= BUDGETS.firstLoadJsKB,
    },
    {
      budget: "An upload's memory does not grow with the file size",
      measured: results.upload
        ? results.upload.results
            .map((u) => `${u.fileMiB} MiB file: +${u.rssGrowthMiB} MiB RSS`)
            .join("; ")
        : "not measured",
      met: results.upload?.verdict === "flat",
    },
    { budget: "No errors in any run", measured: `${errors} errors`, met: errors === 0 },
  ];
}

// The heavy user's pages a lever step measures too (from step 9 on; "-" before).
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
  if (results.peakPssMiB && results.peakRssMiB >= BUDGETS.rssMiB)
    parts.push(`Memory: the RSS summed over the ${results.serverProcesses ?? 1} processes (${results.peakRssMiB} MiB) counts each page they share
(Node's binary and libraries, about 40–48 MiB of file-backed memory a process) once per process; counted
once (PSS), the processes hold ${results.peakPssMiB} MiB together at the same peak.`);
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
