// What bench/hostile-report.mjs and bench/postgres-report.mjs share: the
// newest results file of a kind, and putting a generated section back into
// BENCHMARKS.md in place of the old one.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { root } from "../scripts/paths.mjs";

/** The newest bench/results/<kind>-<date>.json, with its path, or null. */
export function latestResults(kind) {
  const dir = path.join(root, "bench", "results");
  const name = new RegExp(`^${kind}-\\d{4}-\\d{2}-\\d{2}\\.json$`);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => name.test(f))
        .sort()
    : [];
  if (!files.length) return null;
  const file = path.join(dir, files.at(-1));
  return { file: path.relative(root, file), ...JSON.parse(fs.readFileSync(file, "utf8")) };
}

/** BENCHMARKS.md with the section between `start` and `end` taken out and `section` appended. */
export async function replaceSection(start, end, section) {
  const target = path.join(root, "BENCHMARKS.md");
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "# Benchmarks\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const without =
    from >= 0 && to > from
      ? current.slice(0, from) + current.slice(to + end.length).replace(/^\n/, "")
      : current;
  const md = `${without.trimEnd()}\n\n${section}`;
  const options = (await prettier.resolveConfig(target)) ?? {};
  fs.writeFileSync(target, await prettier.format(md, { ...options, filepath: target }));
}
