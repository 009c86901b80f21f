// `npx tsx bench/ab.mjs <checkout A> <checkout B> <path>…`: an interleaved A/B of two built
// checkouts of this app (each with its own `.next`, e.g. two git worktrees). Both serve copies of
// the same bench data set at once; for each path, ROUNDS rounds of a short c=1 run on A and on B
// (in turns, which one goes first alternating), each read as the server's own CPU ms per request.
// A slow or fast spell of this shared machine then lands on both sides of a round alike, which a
// partial `npm run bench` of one checkout after the other cannot promise. PROFILE_USER picks the
// user (typical, heavy or peer); `{case}` in a path is their case, as the bench picks it (pageCaseId).
// AB_NEW=1 makes every request a URL no view had before (as after a write), so each is rendered
// rather than served from the signed-in page cache.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generateDataset } from "./dataset.mjs";
import { pageCaseId, rotating } from "./load.mjs";
import { passwordHash } from "./server.mjs";

const [dirA, dirB, ...paths] = process.argv.slice(2);
if (!dirA || !dirB || paths.length === 0) {
  console.error("usage: npx tsx bench/ab.mjs <checkout A> <checkout B> <path>…");
  process.exit(2);
}
const ROUNDS = Number(process.env.AB_ROUNDS || 8);
const SECONDS = Number(process.env.AB_SECONDS || 3);
const who = process.env.PROFILE_USER ?? "typical";

const dataA = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-ab-a-"));
const dataB = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-ab-b-"));
const serverOf = async (dir) => import(path.resolve(dir, "bench/server.mjs"));
const [a, b] = [await serverOf(dirA), await serverOf(dirB)];
await (await a.startServer(dataA)).stop(); // migrates the empty database
const dataset = await generateDataset({
  dbFile: path.join(dataA, "cancelcase.db"),
  dataDir: dataA,
  passwordHash: await passwordHash(),
});
fs.cpSync(dataA, dataB, { recursive: true });
const caseId = pageCaseId(path.join(dataA, "cancelcase.db"), dataset, who);

const sides = [];
for (const [name, module, dataDir] of [
  ["A", a, dataA],
  ["B", b, dataB],
]) {
  const server = await module.startServer(dataDir);
  const { cookie } = await module.signIn(server.base, dataset[who].email);
  sides.push({ name, server, cookie });
}

async function run(side, target, seconds) {
  const before = side.server.cpuMs();
  const result = await autocannon({
    url: side.server.base + target,
    connections: 1,
    duration: seconds,
    headers: {
      cookie: side.cookie,
      "accept-encoding": "gzip, deflate, br, zstd",
      accept: "text/html",
    },
    ...(process.env.AB_NEW
      ? { requests: rotating([{ cookie: side.cookie }], { everyViewNew: true }) }
      : {}),
  });
  if (result.non2xx || result.errors) throw new Error(`${side.name} ${target}: errors`);
  return (side.server.cpuMs() - before) / result.requests.total;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
try {
  for (const p of paths) {
    const target = p.replace("{case}", caseId ?? "");
    for (const side of sides) await run(side, target, 8); // warm-up
    const cpu = { A: [], B: [] };
    const ratios = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [sides[1], sides[0]] : sides;
      const got = {};
      for (const side of order) got[side.name] = await run(side, target, SECONDS);
      cpu.A.push(got.A);
      cpu.B.push(got.B);
      ratios.push(got.B / got.A);
    }
    const fmt = (xs) => xs.map((x) => x.toFixed(1)).join(" ");
    console.log(
      `${p} as ${who}: A median ${median(cpu.A).toFixed(2)} ms, B median ${median(cpu.B).toFixed(2)} ms; ` +
        `B/A per round median ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`,
    );
    console.log(`  A: ${fmt(cpu.A)}\n  B: ${fmt(cpu.B)}`);
  }
} finally {
  for (const side of sides) await side.server.stop();
  for (const dir of [dataA, dataB]) fs.rmSync(dir, { recursive: true, force: true });
}
