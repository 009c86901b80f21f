// Writes bench/results/<date>.json and regenerates BENCHMARKS.md from it:
// the numbers are never typed by hand.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { root } from "../scripts/paths.mjs";

const BUDGETS = {
  pageP99Ms: 150,
  apiListP99Ms: 50,
  rssMiB: 400,
  firstLoadJsKB: 150,
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

export function budgetsOf(results) {
  const heavy10 = results.runs.filter((r) => r.user === "heavy" && r.concurrency === 10);
  const pages = heavy10.filter((r) => r.group === "page");
  const lists = heavy10.filter((r) => API_LISTS.has(r.scenario));
  const worst = (runs) => runs.reduce((w, r) => (r.p99 > w.p99 ? r : w), { p99: 0, scenario: "-" });
  const queryMismatch = Object.entries(results.queriesPerRequest).filter(
    ([, q]) => q.heavy !== q.typical,
  );
  const jsWorst = Object.entries(results.firstLoadJsKB).reduce(
    (w, [route, kb]) => (kb > w[1] ? [route, kb] : w),
    ["-", 0],
  );
  const errors = results.runs.reduce((n, r) => n + r.errors, 0);
  return [
    {
      budget: `Every page p99 < ${BUDGETS.pageP99Ms} ms (heavy user, c=10), no errors`,
      measured: `worst: ${worst(pages).scenario} ${worst(pages).p99} ms; errors ${pages.reduce((n, r) => n + r.errors, 0)}`,
      met: pages.every((r) => r.p99 < BUDGETS.pageP99Ms && r.errors === 0),
    },
    {
      budget: `API lists p99 < ${BUDGETS.apiListP99Ms} ms (heavy user, c=10), no errors`,
      measured: `worst: ${worst(lists).scenario} ${worst(lists).p99} ms; errors ${lists.reduce((n, r) => n + r.errors, 0)}`,
      met: lists.every((r) => r.p99 < BUDGETS.apiListP99Ms && r.errors === 0),
    },
    {
      budget: "SQL statements per request do not grow with the data (typical = heavy)",
      measured: queryMismatch.length
        ? queryMismatch.map(([s, q]) => `${s}: ${q.typical} vs ${q.heavy}`).join("; ")
        : "equal on every page and list",
      met: queryMismatch.length === 0,
    },
    {
      budget: `Server peak RSS < ${BUDGETS.rssMiB} MB under the load`,
      measured: `${results.peakRssMiB} MiB`,
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

/** For each missed latency budget, the measurements that explain it (markdown), or "". */
export function obstacles(results, budgets) {
  const run = (scenario, concurrency, user = "-") =>
    results.runs.find(
      (r) => r.scenario === scenario && r.concurrency === concurrency && r.user === user,
    );
  const ms = (rps) => (1000 / rps).toFixed(1);
  const parts = [];
  const empty1 = run("floor: signed-in page, nothing in it", 1);
  const empty10 = run("floor: signed-in page, nothing in it", 10);
  if (!budgets[0].met && empty1 && empty10) {
    const pages1 = results.runs.filter(
      (r) => r.group === "page" && r.user === "heavy" && r.concurrency === 1,
    );
    // On one event loop, p99 at c=10 is about k × a request's cost; k is
    // measured on the empty page itself (queueing behind 9 others, GC pauses).
    const k = empty10.p99 / (1000 / empty1.rps);
    const allowed = BUDGETS.pageP99Ms / k;
    parts.push(`**Pages.** The emptiest signed-in page (a new user's dashboard: session, user,
layout, nothing else) serves ${empty1.rps} req/s at c=1, so it costs about ${ms(empty1.rps)} ms of
server time; at c=10 its p50 is ${empty10.p50} ms and its p99 ${empty10.p99} ms, ${k.toFixed(0)} times its cost.
One Node.js process serves one request at a time, so with 10 in flight each waits for the others,
and garbage-collection pauses land on the slowest. At that ratio a page has to cost under
${allowed.toFixed(1)} ms for a p99 under ${BUDGETS.pageP99Ms} ms;${
      allowed < 1000 / empty1.rps
        ? ` the empty page alone costs ${ms(empty1.rps)} ms, so with one server process on this machine no page can meet the budget.`
        : ""
    } The heavy user's pages cost ${pages1.map((r) => `${r.scenario} ${ms(r.rps)} ms`).join(", ")}
(1 / req/s at c=1). What would move it, not done here: a second server process for the second
core (the load generator shares the machine, and each process adds its own memory against the
RSS budget), fewer rows per page, or a Prisma client with a query-plan cache (below).`);
  }
  const ping1 = run("floor: constant route handler", 1);
  const ping10 = run("floor: constant route handler", 10);
  if (!budgets[1].met && ping1 && ping10 && results.callCost) {
    const { betterSqlite3Ms, queryRawMs, findUniqueMs } = results.callCost;
    const lists1 = results.runs.filter(
      (r) => API_LISTS.has(r.scenario) && r.user === "heavy" && r.concurrency === 1,
    );
    // The same ratio, measured on a handler that does nothing.
    const k = ping10.p99 / (1000 / ping10.rps);
    const allowed = BUDGETS.apiListP99Ms / k;
    parts.push(`**API lists.** A constant route handler (no session, no database) costs
${ms(ping10.rps)} ms a request at c=10 (${ping10.rps} req/s) and has a p99 of ${ping10.p99} ms, ${k.toFixed(0)} times its
cost; at that ratio a list has to cost under ${allowed.toFixed(1)} ms for a p99 under ${BUDGETS.apiListP99Ms} ms, that is
${(allowed - 1000 / ping10.rps).toFixed(1)} ms more than doing nothing. The heavy user's lists cost
${lists1.map((r) => `${r.scenario} ${ms(r.rps)} ms`).join(", ")} (1 / req/s at c=1). A list
needs at least two Prisma calls (the token with its user, then the rows), and a Prisma call has a
fixed cost: reading one user by id takes ${findUniqueMs} ms through \`findUnique\`, ${queryRawMs} ms
through \`$queryRaw\` and ${betterSqlite3Ms} ms through better-sqlite3 directly
(bench/prisma-cost.mjs): two such calls take ${(2 * findUniqueMs).toFixed(1)} ms of the ${(allowed - 1000 / ping10.rps).toFixed(1)} ms a list may add. Prisma 6.19 compiles every call in its WebAssembly query compiler on the
event loop; the plan cache that removes this came in Prisma 7.4 (prisma/orm#29038), and Prisma
7's CLI cannot run offline on these machines (STACK.md). Raw SQL for the hot lists would cut part
of it at the price of the typed data layer; not done.`);
  }
  return parts.length ? `## What stands in the way\n\n${parts.join("\n\n")}\n` : "";
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
    String(r.errors),
    (r.rps / floorRps[r.concurrency]).toFixed(3),
  ]);
  const budgets = budgetsOf(results);
  const md = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${results.date}; never edited by hand. Raw
numbers: \`bench/results/${day}.json\`.

Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}.
Production build (\`next build\` ${results.buildSeconds} s), one server process, SQLite on local disk,
load from autocannon on the same machine, ${results.durationSeconds} s per run after a 1 s warm-up.
Cold start (spawn of \`npm start\`'s script to the first served page, migrations included):
${results.coldStartMs} ms. The whole benchmark took ${results.benchSeconds} s.

Data set: ${Object.entries(results.dataset)
    .map(([t, n]) => `${n.toLocaleString("en-US")} ${t}`)
    .join(", ")}. The heavy user has 1,000 subscriptions, 3,000 cases, 30,000 notes and 2,000
receipts; the typical user 20 subscriptions and 5 cases.

## Budgets

${table(
  ["Budget", "Measured", ""],
  budgets.map((b) => [b.budget, b.measured, mark(b.met)]),
)}

${obstacles(results, budgets)}
## Throughput and latency

Latency in ms. "× floor" is the throughput as a share of the constant route handler's at the same
concurrency, which keeps the figures comparable on a noisy machine. Transitions use one case per
connection, so the typical user (3 movable cases) runs them at fewer connections.

${table(["Scenario", "User", "Connections", "req/s", "p50", "p99", "Errors", "× floor"], runRows)}

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
requests for server-rendered data the page makes on its own (link prefetches); links here do not
prefetch (components/ui/link.tsx), so a page view costs the server one render.

${table(
  ["Route", "kB", "Server renders after load"],
  Object.entries(results.firstLoadJsKB).map(([route, kb]) => [
    route,
    String(kb),
    String(results.rscRequestsPerView?.[route] ?? "-"),
  ]),
)}

Server peak RSS over the whole load run: ${results.peakRssMiB} MiB.
`;
  // Formatted as the repository's own check expects (npm test runs prettier --check).
  const target = path.join(root, "BENCHMARKS.md");
  const options = (await prettier.resolveConfig(target)) ?? {};
  fs.writeFileSync(target, await prettier.format(md, { ...options, filepath: target }));
  return path.relative(root, file);
}
