// Starts `npm start`'s script on a fresh, empty DATA_DIR for the e2e run.
import fs from "node:fs";
import path from "node:path";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !path.resolve(dataDir).includes(`${path.sep}test-data${path.sep}`)) {
  throw new Error(`refusing to wipe DATA_DIR=${dataDir}: e2e data must live under test-data/`);
}
fs.rmSync(dataDir, { recursive: true, force: true });
await import("../../server/start.mjs");
