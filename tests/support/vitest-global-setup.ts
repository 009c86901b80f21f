import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

// Migrates one database with the real CLI (the same command `npm start`
// runs); each test file then works on its own copy of it.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-vitest-"));
  const file = path.join(dir, "template.db");
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"],
    { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
  project.provide("templateDatabase", file);
  // The worker pool's entry, bundled as npm start's build bundles it (lib/workers/pool.ts);
  // the test processes are forked after this and inherit the variable.
  const { buildWorkers } = (await import(path.resolve("scripts/build-workers.mjs"))) as {
    buildWorkers: (dir: string) => string;
  };
  process.env.HOSTILE_WORKER_FILE = buildWorkers(path.join(dir, "workers"));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
