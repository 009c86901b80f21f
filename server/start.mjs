// @ts-check
// `npm start`: everything a fresh machine needs, then the server, in this
// one process (so a test or benchmark can stop it by its PID).
//   1. DATA_DIR exists and is the owner's only; NEXTAUTH_SECRET comes from
//      the environment or is generated on first start (prepare-data.mjs);
//      scaled out, it and the VAPID pair must come from the environment.
//   2. The SQLite database is migrated (scripts/migrate.mjs, offline).
//   3. The production build is made when it is missing or its sources changed
//      (scripts/build.mjs, in a child process).
//   4. The server listens on PORT (3000), in one worker process per core
//      (WEB_CONCURRENCY), each started again at once whenever it dies
//      (supervisor.mjs); each worker serves through http-server.mjs.
// `npm run dev` does 1, 2 and serves with hot reload instead of 3.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { workerRole } from "../lib/config/settings.mjs";
import { dataDirFromEnv, root } from "../scripts/paths.mjs";
import { fail, read } from "./log.mjs";
import {
  keepFilesPrivate,
  loadOrCreateSecret,
  makeDatabasePrivate,
  migrateDatabase,
  prepareDataDir,
  requireSharedSecrets,
} from "./prepare-data.mjs";
import { supervise, writePidFile } from "./supervisor.mjs";

const dev = process.argv.includes("--dev");
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = dev
  ? "development"
  : "production";
// These machines and many self-hosted servers are offline; never phone home.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const port = read("PORT");
const host = read("HOST");
const dataDir = dataDirFromEnv();

async function serve() {
  // Imported only now, after NODE_ENV is set: Next.js reads it as it loads.
  const { startServer } = await import("./http-server.mjs");
  await startServer({ root, dev, host, port });
}

if (workerRole().servingChild) {
  // Everything was prepared by the supervisor; its environment came along.
  process.on("disconnect", () => process.exit(1));
  await serve();
} else {
  requireSharedSecrets();
  keepFilesPrivate();
  prepareDataDir(dataDir);
  loadOrCreateSecret(dataDir);
  // next-auth reads NEXTAUTH_URL itself; it is BASE_URL unless set apart.
  process.env.NEXTAUTH_URL ||= read("BASE_URL");
  process.env.PORT = String(port);
  migrateDatabase();
  makeDatabasePrivate();
  if (dev) {
    // The worker pool's entry is bundled apart from Next's build (scripts/build-workers.mjs).
    const { buildWorkers } = await import("../scripts/build-workers.mjs");
    buildWorkers();
    writePidFile(dataDir);
    await serve();
  } else {
    // In a child process (scripts/build.mjs builds only when stale): hashing
    // every source file left this process, which lives as long as the
    // server, about 10 MiB larger (bench/memory.mjs).
    const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], {
      stdio: "inherit",
    });
    if (build.status !== 0) fail(`the build failed (exit ${build.status ?? build.signal})`);
    await supervise({ exec: fileURLToPath(import.meta.url), dataDir });
  }
}
