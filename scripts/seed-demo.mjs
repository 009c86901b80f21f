// Migrates DATA_DIR's database (as `npm start` does), then runs prisma/seed.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrate } from "./migrate.mjs";
import { databaseUrlFromEnv, dataDirFromEnv, fail, root } from "./paths.mjs";

const dataDir = dataDirFromEnv();
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrlFromEnv() };

try {
  // The migration's chatter only matters when it fails.
  migrate(env.DATABASE_URL, env);
} catch (error) {
  fail(error.message);
}
const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    "--conditions=react-server",
    path.join(root, "prisma/seed.ts"),
  ],
  { cwd: root, env, encoding: "utf8" },
);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) process.exit(result.status ?? 1);
