// Migrates DATA_DIR's database (as `npm start` does), then runs prisma/seed.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(root, process.env.DATA_DIR?.trim() || "data");
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const env = { ...process.env, DATA_DIR: dataDir };
env.DATABASE_URL ||= `file:${path.join(dataDir, "cancelcase.db")}`;

for (const args of [
  [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
  [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    "--conditions=react-server",
    path.join(root, "prisma/seed.ts"),
  ],
]) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
  // The migration's chatter only matters when it fails.
  if (result.status !== 0 || !args.includes("migrate")) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
