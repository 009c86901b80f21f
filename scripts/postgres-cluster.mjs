// @ts-check
// A throwaway PostgreSQL cluster: a temp folder, a free port, trust auth on
// 127.0.0.1 only. The tests start one (tests/support/vitest-global-setup.ts),
// and so does scripts/postgres-migration.mjs, whose diffs the Prisma CLI
// computes on a live server. PostgreSQL refuses to run as root, so as root
// the cluster runs as the `postgres` user (runuser), on a folder it owns.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const INSTALL_HINT =
  "PostgreSQL is needed for the PostgreSQL half of the tests: install Debian's `postgresql` " +
  "(apt-get install -y postgresql), or set POSTGRES_BIN to the folder holding initdb and pg_ctl.";

/**
 * The folder of initdb and pg_ctl: POSTGRES_BIN, else the newest
 * /usr/lib/postgresql/<version>/bin, else the PATH's; null when none is there.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findPostgresBin(env = process.env) {
  const candidates = [];
  if (env.POSTGRES_BIN) candidates.push(env.POSTGRES_BIN);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  candidates.push(...(env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb"))) ?? null;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * @param {string | null} user run as this user (runuser), or null: as ourselves
 * @param {string} command
 * @param {string[]} args
 */
function run(user, command, args) {
  const [file, argv] = user ? ["runuser", ["-u", user, "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} failed (exit ${result.status ?? result.signal}):\n` +
        `${result.stderr ?? ""}${result.stdout ?? ""}${result.error ? String(result.error) : ""}`,
    );
  }
  return result.stdout;
}

/**
 * @typedef {object} Cluster
 * @property {(database: string) => string} url the URL of one database of the cluster
 * @property {() => void} stop stops the server and deletes its folder
 */

/**
 * Starts a throwaway cluster; throws with what to install when PostgreSQL is not there.
 * @returns {Promise<Cluster>}
 */
export async function startCluster() {
  const bin = findPostgresBin();
  if (!bin) throw new Error(INSTALL_HINT);
  const asUser = process.getuid?.() === 0 ? "postgres" : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-pg-"));
  if (asUser) {
    const owner = spawnSync("id", ["-u", asUser], { encoding: "utf8" });
    const uid = Number(owner.stdout.trim());
    if (owner.status !== 0 || !Number.isSafeInteger(uid)) {
      throw new Error(`PostgreSQL refuses to run as root and there is no "${asUser}" user`);
    }
    fs.chownSync(dir, uid, -1);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  run(asUser, path.join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "cancelcase",
    "-E",
    "UTF8",
    "--no-locale",
  ]);
  // fsync off: a test cluster never survives a crash anyway, and it is much faster.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run(asUser, path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-o",
    options,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
  ]);
  let stopped = false;
  return {
    url: (database) => `postgresql://cancelcase@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(asUser, path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
