// `npm run bench -- --postgres`: the same data set and load as `npm run bench`
// (bench/dataset.mjs, bench/load.mjs), served three ways one after the other:
//   1. SQLite and the local disk, the embedded default;
//   2. PostgreSQL and an S3 bucket, one instance;
//   3. PostgreSQL and the bucket, two instances on one database and one
//      bucket behind a round-robin proxy (bench/round-robin.mjs).
// Every instance is one process (WEB_CONCURRENCY=1), so run 1 against run 2
// is the engines and run 3 is what a second instance adds on the same cores.
// The PostgreSQL cluster is a throwaway one (scripts/postgres-cluster.mjs)
// and the bucket an s3rver (bench/s3rver-process.mjs), as in the tests;
// the data set is generated once in SQLite and copied into both
// (bench/postgres-copy.mjs). Each PostgreSQL run gets its own copy of the
// database, so one run's writes never reach the next.
// Prints the three side by side, writes bench/results/postgres-<date>.json
// and its section of BENCHMARKS.md (bench/postgres-report.mjs).
// BENCH_DURATION (seconds per run, default 5), BENCH_ONLY=<regex> ("<name> as
// <user>"), BENCH_CONNECTIONS (default "1,10") and BENCH_SETUPS (some of
// "sqlite,postgres,postgresTwo") narrow a run.
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfStale } from "../scripts/build.mjs";
import { startCluster } from "../scripts/postgres-cluster.mjs";
import { migrate } from "../scripts/migrate.mjs";
import { copyTemplate, SHARED_SECRETS, storageUrl } from "../tests/support/scaled-engines.ts";
import { generateDataset } from "./dataset.mjs";
import { benchUsers, cannon, scenarios, warmUp } from "./load.mjs";
import { copyReceiptsToBucket, copyToPostgres } from "./postgres-copy.mjs";
import { printSideBySide, writePostgresSection } from "./postgres-report.mjs";
import { startRoundRobin } from "./round-robin.mjs";
import { passwordHash, signIn, startServer } from "./server.mjs";

const DURATION = Number(process.env.BENCH_DURATION || 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "1,10").split(",").map(Number);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const SETUPS = (process.env.BENCH_SETUPS || "sqlite,postgres,postgresTwo").split(",");
const log = (message) => console.log(`[bench --postgres] ${message}`);
const started = performance.now();
const loadAverages = [os.loadavg()[0]];

log("building the app if it is stale…");
buildIfStale({ stdio: "ignore" });

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bench-pg-"));
const sqliteDir = path.join(temp, "sqlite");
const dbFile = path.join(sqliteDir, "cancelcase.db");
const stops = [];
const cleanUp = async () => {
  while (stops.length) await stops.pop()();
  fs.rmSync(temp, { recursive: true, force: true });
};
// An interrupted run still stops its cluster and servers.
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));

/** The bucket (bench/s3rver-process.mjs says why a process of its own), at STORAGE_URL's prefix "bench". */
async function startBucket() {
  // s3rver's fixed credentials; the SDK takes them from the standard variables, as in production.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" });
  const child = fork(
    path.join(import.meta.dirname, "s3rver-process.mjs"),
    [path.join(temp, "s3")],
    {
      execArgv: ["--openssl-legacy-provider"],
      stdio: "ignore",
    },
  );
  const { port } = await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    url: storageUrl(endpoint, "bench"),
    location: {
      bucket: "receipts",
      prefix: "bench/",
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.disconnect();
      }),
  };
}

try {
  // The data set, as npm run bench makes it: into a migrated SQLite file.
  {
    const migrating = await startServer(sqliteDir, { WEB_CONCURRENCY: "1" });
    await migrating.stop();
  }
  const dataset = await generateDataset({
    dbFile,
    dataDir: sqliteDir,
    passwordHash: await passwordHash(),
  });
  log(`data set ${JSON.stringify(dataset.counts)}`);
  const users = benchUsers(dbFile, dataset);

  // The same rows in PostgreSQL, the same files in the bucket.
  const cluster = await startCluster();
  stops.push(() => cluster.stop());
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench_template");
  const postgresVersion = (await admin.query("SHOW server_version")).rows[0].server_version;
  await admin.end();
  const template = cluster.url("bench_template");
  migrate(template);
  const copied = performance.now();
  const rows = await copyToPostgres(dbFile, template);
  const bucket = await startBucket();
  stops.push(() => bucket.stop());
  const objects = await copyReceiptsToBucket(sqliteDir, bucket.location);
  log(
    `copied ${Object.values(rows).reduce((a, b) => a + b, 0)} rows and ${objects} receipts ` +
      `in ${((performance.now() - copied) / 1000).toFixed(1)} s`,
  );
  const scaledEnv = async (name) => ({
    ...SHARED_SECRETS,
    WEB_CONCURRENCY: "1",
    DATABASE_URL: await copyTemplate(template, name),
    STORAGE_URL: bucket.url,
  });

  /** The load of bench/run.mjs's user runs (both users, each scenario, each concurrency) on one set-up. */
  async function measure(server) {
    const runs = [];
    const warm = await signIn(server.base, dataset.empty.email);
    await warmUp(server, warm.cookie, ["/dashboard", "/subscriptions", "/cases"], 6);
    for (const user of users) {
      const signedIn = { ...user, auth: await signIn(server.base, user.email) };
      for (const connections of CONNECTIONS) {
        for (const scenario of scenarios(signedIn)) {
          if (ONLY && !ONLY.test(`${scenario.name} as ${user.name}`)) continue;
          log(`  ${scenario.name} as ${user.name} c=${connections}`);
          // A run that fails (a request left unanswered) is recorded as such; the others go on.
          const measured = await cannon(server, scenario, connections, DURATION).catch((error) => {
            log(`    failed: ${error.cause?.code ?? error.message}`);
            return { connections, rps: 0, p50: 0, p99: 0, errors: 1, failed: String(error) };
          });
          runs.push({
            scenario: scenario.name,
            user: user.name,
            concurrency: connections,
            ...measured,
          });
        }
      }
    }
    loadAverages.push(os.loadavg()[0]);
    return runs;
  }

  const setups = {};
  const save = () => ({
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
    },
    // The 1-minute load average before the runs and after each set-up.
    loadAverages: loadAverages.map((l) => Math.round(l * 100) / 100),
    postgresVersion,
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    dataset: dataset.counts,
    setups,
    benchSeconds: Math.round((performance.now() - started) / 1000),
  });
  // Each set-up's results are written as soon as it is done: a later failure loses only its own.
  const narrowed = ONLY || SETUPS.length < 3;
  const keep = async () => {
    if (!narrowed) await writePostgresSection(save());
  };
  if (SETUPS.includes("sqlite")) {
    log("SQLite + disk, one instance…");
    const server = await startServer(sqliteDir, { WEB_CONCURRENCY: "1" });
    try {
      setups.sqlite = await measure(server);
      await keep();
    } finally {
      await server.stop();
    }
  }
  if (SETUPS.includes("postgres")) {
    log("PostgreSQL + bucket, one instance…");
    const server = await startServer(path.join(temp, "pg-one"), await scaledEnv("bench_one"));
    try {
      setups.postgres = await measure(server);
      await keep();
    } finally {
      await server.stop();
    }
  }
  if (SETUPS.includes("postgresTwo")) {
    log("PostgreSQL + bucket, two instances behind a round-robin proxy…");
    const proxy = await startRoundRobin();
    const env = { ...(await scaledEnv("bench_two")), BASE_URL: proxy.url };
    const a = await startServer(path.join(temp, "pg-two-a"), env);
    const b = await startServer(path.join(temp, "pg-two-b"), env);
    proxy.route([a.base, b.base]);
    const both = {
      base: proxy.url,
      cpuMs: () => a.cpuMs() + b.cpuMs(),
      rssMiB: () => a.rssMiB() + b.rssMiB(),
    };
    try {
      setups.postgresTwo = await measure(both);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await proxy.close();
    }
  }

  const results = save();
  printSideBySide(results);
  if (!narrowed) {
    const file = await writePostgresSection(results);
    log(`results in ${file}; BENCHMARKS.md's section rewritten (${results.benchSeconds} s)`);
  }
} finally {
  await cleanUp();
}
