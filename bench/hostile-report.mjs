// The "Hostile files" section of BENCHMARKS.md, from the newest
// bench/results/hostile-<date>.json (bench/hostile.mjs). bench/hostile.mjs
// writes it into BENCHMARKS.md after a run; bench/report.mjs, which
// regenerates the whole file, appends it again, so neither run loses the other's.
import { latestResults, replaceSection } from "./sections.mjs";

const START = "<!-- hostile-files: written by bench/hostile.mjs -->";
const END = "<!-- /hostile-files -->";

export const latestHostileResults = () => latestResults("hostile");

export function hostileSection(results) {
  if (!results) return "";
  const rows = results.rows.map(
    (r) =>
      `| ${r.file} | ${r.outcome} | ${r.seconds} s | ${r.otherUser.p50Ms} / ${r.otherUser.p99Ms} / ${r.otherUser.maxMs} ms (${r.otherUser.requests}${r.otherUser.failures ? `, ${r.otherUser.failures} failed` : ""}) | ${r.rssMiB.before} / ${r.rssMiB.peak} / ${r.rssMiB.after} MiB |`,
  );
  return `${START}

## Hostile files

Written by \`npm run bench -- --hostile\` (bench/hostile.mjs) on ${results.date}; raw numbers:
\`${results.file}\`. The production server as \`npm start\` runs it (${results.processes ?? "?"} processes,
Node ${results.node}, ${results.cpus} cores shared with other work: the load average during the run
was ${results.loadAverage ?? "?"}). Each file goes through its real endpoint while another user loads
\`/cases\` every ${results.paceMs} ms; RSS is all the server's processes together (the
file reader included), before the file, at its peak (sampled every 25 ms) and 8 s after (the file
reader process exits after 5 s idle).

| File | Outcome | Time | Other user: p50 / p99 / max (requests) | RSS before / peak / after |
| --- | --- | ---: | ---: | ---: |
${rows.join("\n")}
${END}
`;
}

/** Replaces (or adds) the section in BENCHMARKS.md, formatted as the repository's check expects. */
export async function writeHostileSection(results) {
  await replaceSection(START, END, hostileSection(results));
}
