import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

// Migrates one database with the real CLI (the same migrate() `npm start`
// runs); each test file then works on its own copy of it.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-vitest-"));
  const file = path.join(dir, "template.db");
  const { migrate } = (await import(path.resolve("scripts/migrate.mjs"))) as {
    migrate: (databaseUrl: string) => string;
  };
  migrate(`file:${file}`);
  project.provide("templateDatabase", file);
  // The worker pool's entry, bundled as npm start's build bundles it (lib/workers/pool.ts);
  // the test processes are forked after this and inherit the variable.
  const { buildWorkers } = (await import(path.resolve("scripts/build-workers.mjs"))) as {
    buildWorkers: (dir: string) => string;
  };
  process.env.HOSTILE_WORKER_FILE = buildWorkers(path.join(dir, "workers"));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
