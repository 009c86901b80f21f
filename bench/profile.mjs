// `npx tsx bench/profile.mjs <path> [seconds]`: a CPU profile of the production
// server while autocannon drives one page as the typical user of the bench
// data set; prints where the server's time goes. For working on a budget.
// PROFILE_NEW=1 profiles renders (after a write) instead of page-cache hits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generateDataset } from "./dataset.mjs";
import { pageCaseId, rotating } from "./load.mjs";
import { passwordHash, signIn, startServer } from "./server.mjs";

const target = process.argv[2] ?? "/dashboard";
const seconds = Number(process.argv[3] ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-profile-"));
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-cpuprofile-"));

await (await startServer(dataDir)).stop(); // migrates the empty database
const dataset = await generateDataset({
  dbFile: path.join(dataDir, "cancelcase.db"),
  dataDir,
  passwordHash: await passwordHash(),
});
const server = await startServer(dataDir, {}, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
const who = process.env.PROFILE_USER ?? "typical"; // heavy, typical, peer or empty
const { cookie } = await signIn(server.base, dataset[who].email);
// `{case}` in the path: the user's case, as the bench picks it.
const caseId = pageCaseId(path.join(dataDir, "cancelcase.db"), dataset, who);
const result = await autocannon({
  url: server.base + target.replace("{case}", caseId ?? ""),
  connections: 1,
  duration: seconds,
  headers: { cookie, "accept-encoding": "gzip, deflate, br, zstd", accept: "text/html" },
  // PROFILE_NEW=1: every request a URL no view had before (a query the page
  // ignores), so each one is rendered, as after a write, not served from the page cache.
  ...(process.env.PROFILE_NEW ? { requests: rotating([{ cookie }], { everyViewNew: true }) } : {}),
});
console.log(
  `${target}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, non2xx ${result.non2xx}`,
);
await server.stop();

// npm start's primary and each worker write a profile: the largest is the worker that served.
const file = fs
  .readdirSync(profileDir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .sort(
    (a, b) =>
      fs.statSync(path.join(profileDir, b)).size - fs.statSync(path.join(profileDir, a)).size,
  )[0];
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
// Start-up work (migrations, module loading) and idle time are not the request path.
const STARTUP = new Set([
  "spawnSync",
  "wrapSafe",
  "compileSourceTextModule",
  "instantiateModule",
  "dlopen",
  "internalModuleStat",
  "readFileUtf8",
  "(idle)",
  "(program)",
]);
for (const [id] of self) if (STARTUP.has(byId.get(id).callFrame.functionName)) self.delete(id);
const busy = [...self.values()].reduce((a, b) => a + b, 0);
const byPackage = new Map();
const groups = new Map();
for (const [id, us] of self) {
  const { callFrame } = byId.get(id);
  const url = callFrame.url
    .replace(/^.*node_modules\//, "")
    .replace(/^file:\/\/.*\.next\//, ".next/");
  const pkg = url.startsWith(".next/")
    ? ".next (app bundle)"
    : url
        .split("/")
        .slice(0, url.startsWith("@") ? 2 : 1)
        .join("/") || "(native/gc)";
  const key = `${pkg} :: ${callFrame.functionName || "(anonymous)"}`;
  groups.set(key, (groups.get(key) ?? 0) + us);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled; by package:`,
);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${((us / busy) * 100).toFixed(1).padStart(5)}%  ${pkg}`);
console.log("by function:");
for (const [key, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${((us / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
// PROFILE_CALLERS=<function name>: the call paths that reach it, heaviest first.
if (process.env.PROFILE_CALLERS) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const paths = new Map();
  for (const [id, us] of self) {
    if (byId.get(id).callFrame.functionName !== process.env.PROFILE_CALLERS) continue;
    const chain = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 12; p = parent.get(p)) {
      const { functionName, url } = byId.get(p).callFrame;
      chain.push(`${functionName || "(anon)"}@${url.replace(/^.*\//, "")}`);
    }
    const key = chain.join(" < ");
    paths.set(key, (paths.get(key) ?? 0) + us);
  }
  for (const [key, us] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`${(us / 1000).toFixed(0)} ms  ${key}`);
}
fs.rmSync(dataDir, { recursive: true, force: true });
