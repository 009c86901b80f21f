import path from "node:path";
import pg from "pg";
import { startOwnServer } from "../e2e/server";
import { startS3Server } from "./s3-server";
import {
  BUCKET,
  copyTemplate,
  publishScaledEngines,
  SCALED_PROJECT,
  SHARED_SECRETS,
} from "./scaled-engines";

// Playwright's global set-up for the postgres-s3 project: a throwaway
// PostgreSQL cluster (scripts/postgres-cluster.mjs, which says what to
// install when PostgreSQL is missing), an s3rver bucket, a template database
// migrated by the real migrate(), and one server on a copy of it with the
// settings of the SQLite project's server (playwright.config.ts). No Docker.

/** Whether the command line left the project out (`--project=sqlite`): then nothing is started. */
function projectLeftOut(argv = process.argv) {
  const named: string[] = [];
  argv.forEach((arg, i) => {
    if (arg.startsWith("--project=")) named.push(arg.slice("--project=".length));
    else if (arg === "--project") {
      for (const next of argv.slice(i + 1)) {
        if (next.startsWith("-")) break;
        named.push(next);
      }
    }
  });
  return named.length > 0 && !named.some((name) => name === SCALED_PROJECT || name.includes("*"));
}

export default async function setup() {
  if (projectLeftOut()) return;
  const started = Date.now();
  const { startCluster } = (await import(path.resolve("scripts/postgres-cluster.mjs"))) as {
    startCluster: () => Promise<{ url: (database: string) => string; stop: () => void }>;
  };
  const { migrate } = (await import(path.resolve("scripts/migrate.mjs"))) as {
    migrate: (databaseUrl: string) => string;
  };
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster();
  } catch (error) {
    throw new Error(
      `the ${SCALED_PROJECT} end-to-end project needs PostgreSQL: ${(error as Error).message}\n` +
        "(Or run the SQLite project alone: npx playwright test --project=sqlite)",
    );
  }
  const stops: (() => unknown)[] = [() => cluster.stop()];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE template_e2e");
    await admin.end();
    const template = cluster.url("template_e2e");
    migrate(template);
    const s3 = await startS3Server(BUCKET);
    stops.push(() => s3.stop());
    const server = await startOwnServer("e2e-postgres-s3", {
      ...SHARED_SECRETS,
      DATABASE_URL: await copyTemplate(template, "e2e"),
      STORAGE_URL: s3.storageUrl("e2e"),
      // As the SQLite project's server (playwright.config.ts).
      SIGNUPS_PER_HOUR: "1000",
      UPLOAD_MAX_BYTES: String(1024 * 1024),
      USER_QUOTA_BYTES: String(3 * 1024 * 1024),
    });
    stops.push(() => server.stop());
    publishScaledEngines({ template, endpoint: s3.endpoint, baseUrl: server.url });
    console.log(
      `${SCALED_PROJECT}: PostgreSQL, s3rver and ${server.url} up in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
