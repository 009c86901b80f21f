// `npx tsx bench/sign-in-statements.mjs`: the SQL statements one sign-in
// costs on PostgreSQL, and how many of them are the shared counters'
// (SharedCounter: the login throttles, docs/decisions/020). One instance on a
// throwaway cluster (scripts/postgres-cluster.mjs); PostgreSQL itself logs
// every statement (log_statement = all) while one user signs in, once as a
// browser does (next-auth's credentials callback) and once for an API token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startCluster } from "../scripts/postgres-cluster.mjs";
import { migrate } from "../scripts/migrate.mjs";
import { SHARED_SECRETS } from "../tests/support/scaled-engines.ts";
import { PASSWORD, signIn, startServer } from "./server.mjs";

const cluster = await startCluster();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-sign-in-sql-"));
const admin = new pg.Client({ connectionString: cluster.url("postgres") });
await admin.connect();
let server;
try {
  await admin.query("CREATE DATABASE sign_in");
  migrate(cluster.url("sign_in"));
  const logFile = path.join(
    path.dirname((await admin.query("SHOW data_directory")).rows[0].data_directory),
    "log",
  );
  server = await startServer(dataDir, {
    ...SHARED_SECRETS,
    WEB_CONCURRENCY: "1",
    DATABASE_URL: cluster.url("sign_in"),
  });
  const email = "sign-in@example.com";
  const registered = await fetch(`${server.base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!registered.ok) throw new Error(`register: ${registered.status}`);
  // A first sign-in warms the server (its first request compiles routes).
  await signIn(server.base, email);

  await admin.query("ALTER SYSTEM SET log_statement = 'all'");
  await admin.query("SELECT pg_reload_conf()");
  await new Promise((r) => setTimeout(r, 500));
  const from = fs.statSync(logFile).size;
  await signIn(server.base, email); // one API token sign-in, then one browser sign-in
  await new Promise((r) => setTimeout(r, 500));
  await admin.query("ALTER SYSTEM RESET log_statement");
  await admin.query("SELECT pg_reload_conf()");
  const log = fs.readFileSync(logFile, "utf8").slice(from);
  // One entry a statement: a line with the log's prefix, then the rest of a
  // multi-line statement on lines of their own. The pg driver's statements
  // appear as "execute <name>: …", simple ones as "statement: …".
  const entries = [];
  for (const line of log.split("\n")) {
    if (/^\d{4}-\d\d-\d\d /.test(line)) entries.push(line);
    else if (entries.length) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  const statements = entries
    .filter((entry) => /LOG:\s+(statement|execute [^:]*):/.test(entry))
    .filter((entry) => !/ALTER SYSTEM|pg_reload_conf/.test(entry));
  const counters = statements.filter((line) => line.includes('"SharedCounter"'));
  console.log(
    `two sign-ins (an API token, then a browser's): ${statements.length} statements, ` +
      `${counters.length} on SharedCounter`,
  );
  for (const entry of statements)
    console.log(
      "  " +
        entry
          .replace(/^.*?LOG:\s+/, "")
          .replace(/\s+/g, " ")
          .slice(0, 150),
    );
} finally {
  await server?.stop();
  await admin.end();
  cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
