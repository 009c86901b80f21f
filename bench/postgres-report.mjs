// The "SQLite and PostgreSQL" section of BENCHMARKS.md, from the newest
// bench/results/postgres-<date>.json (bench/postgres.mjs). As with the
// hostile files (bench/hostile-report.mjs), bench/postgres.mjs writes it
// after a run and bench/report.mjs appends it again when it regenerates the
// whole file, so neither run loses the other's.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { root } from "../scripts/paths.mjs";
import { latestResults, replaceSection } from "./sections.mjs";

const START = "<!-- postgres: written by bench/postgres.mjs -->";
const END = "<!-- /postgres -->";
const SETUPS = [
  ["sqlite", "SQLite"],
  ["postgres", "PostgreSQL ×1"],
  ["postgresTwo", "PostgreSQL ×2"],
];

export const latestPostgresResults = () => latestResults("postgres");

/** One row per scenario, user and concurrency: each set-up's req/s, p50 and p99 (ms), and errors. */
function rows(results) {
  const key = (r) => `${r.scenario}|${r.user}|${r.concurrency}`;
  const bySetup = Object.fromEntries(
    SETUPS.map(([name]) => [name, new Map((results.setups[name] ?? []).map((r) => [key(r), r]))]),
  );
  // The rows of the first set-up that ran (a narrowed run may skip SQLite).
  const first = SETUPS.map(([name]) => results.setups[name]).find((runs) => runs?.length) ?? [];
  return first.map((first) => [
    first.scenario,
    first.user,
    String(first.connections),
    ...SETUPS.map(([name]) => {
      const r = bySetup[name].get(key(first));
      if (!r) return "-";
      return `${r.rps} (${r.p50} / ${r.p99})${r.errors ? `, ${r.errors} errors` : ""}`;
    }),
  ]);
}

const HEADERS = ["Scenario", "User", "Connections", ...SETUPS.map(([, label]) => label)];

/** The three set-ups side by side on the terminal. */
export function printSideBySide(results) {
  console.log(`req/s (p50 / p99 ms); load average ${results.loadAverages.join(" → ")}`);
  const table = [HEADERS, ...rows(results)];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(" | "));
}

export function postgresSection(results) {
  if (!results) return "";
  return `${START}

## SQLite and PostgreSQL, one and two instances

Written by \`npm run bench -- --postgres\` (bench/postgres.mjs) on ${results.date}; raw numbers:
\`${results.file}\`. The data set of \`npm run bench\`, generated in SQLite and copied row for row into a
throwaway PostgreSQL ${results.postgresVersion ?? ""} cluster (fsync off, as the tests run it) and its receipts into an
s3rver bucket, then served three ways, each instance one process (\`WEB_CONCURRENCY=1\`): SQLite and the
disk; PostgreSQL and the bucket; two instances on that database and bucket behind a round-robin proxy
(kept-alive upstream connections). PostgreSQL, s3rver, the proxy and autocannon share the machine's
${results.machine.cpus} cores with the app (and, here, with other people's work: the 1-minute load
average was ${results.loadAverages.join(" → ")} before the runs and after each set-up), so the figures
compare the set-ups with each other, not with a production deployment. ${results.durationSeconds} s per
run after a 2 s warm-up; each PostgreSQL set-up on its own copy of the database. Cells are req/s
(p50 / p99 latency in ms).

| ${HEADERS.join(" | ")} |
| ${HEADERS.map(() => "---").join(" | ")} |
${rows(results)
  .map((row) => `| ${row.join(" | ")} |`)
  .join("\n")}
${END}
`;
}

/** Saves the results and replaces (or adds) the section in BENCHMARKS.md. */
export async function writePostgresSection(results) {
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `postgres-${results.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, await prettier.format(JSON.stringify(results), { filepath: file }));
  const section = postgresSection({ ...results, file: path.relative(root, file) });
  await replaceSection(START, END, section);
  return path.relative(root, file);
}
