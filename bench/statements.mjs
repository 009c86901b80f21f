// `npx tsx bench/statements.mjs <path>…`: the SQL statements one request of each path sends, as
// the typical user of the bench data set (PROFILE_USER=heavy|peer|empty for another; `{case}`
// in a path is their case, as the bench picks it: pageCaseId). For working on a page's reads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDataset } from "./dataset.mjs";
import { pageCaseId } from "./load.mjs";
import { passwordHash, signIn, startServer } from "./server.mjs";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-sql-"));
await (await startServer(dataDir)).stop();
const dataset = await generateDataset({
  dbFile: path.join(dataDir, "cancelcase.db"),
  dataDir,
  passwordHash: await passwordHash(),
});
const server = await startServer(dataDir, { DEBUG: "prisma:driver-adapter:better-sqlite3" });
const who = process.env.PROFILE_USER ?? "typical";
const { cookie } = await signIn(server.base, dataset[who].email);
const caseId = pageCaseId(path.join(dataDir, "cancelcase.db"), dataset, who);
for (const p of process.argv.slice(2)) {
  const url = server.base + p.replace("{case}", caseId ?? "");
  await fetch(url, { headers: { cookie } });
  const before = server.stderr().length;
  const r = await fetch(url, { headers: { cookie } });
  await r.text();
  await new Promise((r) => setTimeout(r, 300));
  const sql = [
    ...server
      .stderr()
      .slice(before)
      .matchAll(/"sql": "(.*?)",\\n/g),
  ].map((m) =>
    m[1]
      .replace(/`main`\./g, "")
      .replace(/\\\\n\s*/g, " ")
      .replace(/\\\\"/g, '"')
      .trim(),
  );
  console.log(`${p}: ${r.status}, ${sql.length} statements`);
  for (const line of sql) console.log(`  ${line.slice(0, 160)}`);
}
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
