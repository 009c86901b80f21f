import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of the migrated template database; each test file copies it. */
    postgresTemplate: string;
  }
}

// The PostgreSQL half of the data-layer suite: a throwaway cluster (found
// and started like Chromium is found: scripts/postgres-cluster.mjs says what
// to install when it is missing), one template database migrated by the
// real migrate(), and a `CREATE DATABASE … TEMPLATE` per test file
// (vitest-postgres-db-setup.ts).
export default async function setup(project: TestProject) {
  const { startCluster } = (await import(path.resolve("scripts/postgres-cluster.mjs"))) as {
    startCluster: () => Promise<{ url: (database: string) => string; stop: () => void }>;
  };
  const { migrate } = (await import(path.resolve("scripts/migrate.mjs"))) as {
    migrate: (databaseUrl: string) => string;
  };
  const { default: pg } = await import("pg");
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE template_cancelcase");
    await admin.end();
    migrate(cluster.url("template_cancelcase"));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide("postgresTemplate", cluster.url("template_cancelcase"));
  return () => cluster.stop();
}
