// @ts-check
// The one way a database is migrated: `prisma migrate deploy`, offline, with
// the CLI's own WASM engine (prisma.config.ts). npm start, npm run seed:demo
// and the unit tests' global setup all call migrate(), so they all apply the
// same migrations the same way.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Prisma 6.19 warns that the schema's datasource url is unused with a driver
// adapter; without that url it would try to download an engine, so the url
// stays and the warning (and the datasource line naming the schema's
// placeholder file instead of the real one) are dropped from the output.
const PRISMA_NOISE = [
  /^WARNING: Your schema specifies the following datasource properties[\s\S]*?only using driver adapters\.\n*/m,
  /^Datasource "db": .*\n/m,
  /^Prisma config detected, skipping environment variable loading\.\n*/m,
];

/**
 * Applies every pending migration to the SQLite file `databaseUrl` names
 * (file:…). Returns the CLI's output without Prisma's noise; throws an Error
 * carrying that output when the migration fails.
 * @param {string} databaseUrl
 * @param {NodeJS.ProcessEnv} [env] the rest of the CLI's environment
 * @returns {string}
 */
export function migrate(databaseUrl, env = process.env) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
    {
      cwd: root,
      env: { ...env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      stdio: ["inherit", "pipe", "pipe"],
    },
  );
  const output = PRISMA_NOISE.reduce(
    (text, noise) => text.replace(noise, ""),
    `${result.stderr ?? ""}${result.stdout ?? ""}`,
  ).replace(/\n{3,}/g, "\n\n");
  if (result.status !== 0) {
    throw new Error(
      `database migration failed (exit ${result.status ?? result.signal})\n${output}`,
    );
  }
  return output;
}
