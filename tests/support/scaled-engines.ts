import { randomUUID } from "node:crypto";
import pg from "pg";

// The Playwright project that runs a subset of the end-to-end suite on
// PostgreSQL + an S3 bucket (playwright.config.ts). Its global set-up
// (tests/support/scaled-engines-setup.ts) starts the engines once and hands
// their addresses to the test workers through these variables.
export const SCALED_PROJECT = "postgres-s3";

const ENV = {
  /** The migrated template database; a spec copies it for a database of its own. */
  template: "E2E_SCALED_TEMPLATE",
  /** The s3rver's endpoint (the credentials are in the standard AWS variables). */
  endpoint: "E2E_SCALED_S3_ENDPOINT",
  /** The project's shared server, on its own database and bucket prefix. */
  baseUrl: "E2E_SCALED_BASE_URL",
} as const;

export const BUCKET = "receipts";

/** What every instance on one database and one bucket must share (npm start requires them). */
export const SHARED_SECRETS = {
  NEXTAUTH_SECRET: "two-instances-one-secret-".repeat(3),
  VAPID_PUBLIC_KEY:
    "BKWFaulIE5rb6ecNH9ei5fFSMoDHlG9N5CXwfXIOcTKBcAWzu0btkjwB92YJ07yI_T9br0Eq0k7MrrCUTFOrjx4",
  VAPID_PRIVATE_KEY: "Yzfz_67PWkce8rw3xA60124Tfwznb6djaFgQ2iS564A",
};

export function storageUrl(endpoint: string, prefix: string) {
  return `s3://${BUCKET}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`;
}

/** A new database copied from the migrated template: one per server or spec, so their schedulers and data never meet. */
export async function copyTemplate(template: string, prefix: string) {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: new URL("/postgres", template).href });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE "${name}" TEMPLATE "${new URL(template).pathname.slice(1)}"`,
    );
  } finally {
    await admin.end();
  }
  return new URL(`/${name}`, template).href;
}

export function publishScaledEngines(values: Record<keyof typeof ENV, string>) {
  for (const key of Object.keys(ENV) as (keyof typeof ENV)[]) process.env[ENV[key]] = values[key];
}

/** The shared server's URL in the scaled-out project (the config's baseURL for it). */
export function scaledBaseUrl() {
  // Before the global set-up (in the runner's first reading of the config) it
  // is not known yet; an address that cannot answer keeps a mistake loud.
  return process.env[ENV.baseUrl] ?? "http://scaled-engines-not-started.invalid";
}

/**
 * In the scaled-out project: a fresh database and a bucket prefix for a
 * spec's own servers. Null in the SQLite project.
 */
export async function scaledEnginesFor(projectName: string, name: string) {
  if (projectName !== SCALED_PROJECT) return null;
  const template = process.env[ENV.template];
  const endpoint = process.env[ENV.endpoint];
  if (!template || !endpoint) {
    throw new Error(`the ${SCALED_PROJECT} project's global set-up did not start its engines`);
  }
  return {
    DATABASE_URL: await copyTemplate(template, name.replaceAll("-", "_")),
    STORAGE_URL: storageUrl(endpoint, name),
  };
}
