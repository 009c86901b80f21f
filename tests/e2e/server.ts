import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { servingPid, servingPids } from "../support/processes";
import { serverNodeFlags } from "../support/server-flags";

// A second server of our own (npm start's script) for tests that need to
// stop, kill or reconfigure it, beside the shared one Playwright starts.
export type OwnServer = {
  url: string;
  dataDir: string;
  /** npm start's process: the supervisor. */
  child: ChildProcess;
  /** A process that serves requests (the first worker), or null between restarts. */
  servingPid(): number | null;
  /** Every worker process serving now. */
  servingPids(): number[];
  /** What the server has written to stderr since it started (the last 256 KiB). */
  stderr(): string;
  stop(): Promise<void>;
  /** kill -9 of the server and its supervisor: a crash of the whole app. */
  kill(): Promise<void>;
};

/** How long a server of our own may take to answer; hooks that start one need more (START_HOOK_TIMEOUT_MS). */
export const STARTUP_DEADLINE_MS = 120_000;
/** A beforeAll that starts one server of our own: its deadline and a margin. */
export const START_HOOK_TIMEOUT_MS = STARTUP_DEADLINE_MS + 30_000;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once("exit", () => resolve()),
  );
}

export async function startOwnServer(
  name: string,
  env: Record<string, string> = {},
  { fresh = true } = {},
): Promise<OwnServer> {
  const dataDir = path.resolve("test-data", name);
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  // A port picked free can be taken by a parallel test before the server
  // binds it: a server that exits while starting is tried once more on
  // another port, and the error says what it printed.
  let child: ChildProcess;
  let url: string;
  let stderrLog = "";
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    child = spawn(process.execPath, [...serverNodeFlags(), "server/start.mjs"], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        BASE_URL: "",
        NEXTAUTH_SECRET: "",
        DATABASE_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Every worker process is up (server/start.mjs says so): a test that
    // measures or kills the workers sees all of them.
    let allServing = false;
    let stdout = "";
    child.stdout!.on("data", (data: Buffer) => {
      stdout = (stdout + data.toString()).slice(-4000);
      if (/all \d+ worker process\(es\) serving/.test(stdout)) allServing = true;
    });
    let stderr = "";
    child.stderr!.on("data", (data: Buffer) => {
      stderr = (stderr + data.toString()).slice(-2000);
      stderrLog = (stderrLog + data.toString()).slice(-256 * 1024);
    });
    url = `http://localhost:${port}`;
    // Two minutes: on a loaded 2-core CI machine several of these start
    // while the shared server and the other worker are busy.
    const deadline = Date.now() + STARTUP_DEADLINE_MS;
    let exited = false;
    for (;;) {
      if (child.exitCode !== null) {
        exited = true;
        break;
      }
      try {
        if (allServing && (await fetch(`${url}/login`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(
          `${url} did not come up in ${STARTUP_DEADLINE_MS / 1000} s: ${stderr.trim()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!exited) break;
    if (attempt >= 2) {
      throw new Error(`server ${name} exited with ${child.exitCode}: ${stderr.trim()}`);
    }
  }
  const serving = () => servingPid(child.pid!);
  return {
    url,
    dataDir,
    child,
    servingPid: serving,
    servingPids: () => servingPids(child.pid!),
    stderr: () => stderrLog,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
    async kill() {
      const workers = servingPids(child.pid!);
      child.kill("SIGKILL");
      for (const pid of workers) process.kill(pid, "SIGKILL");
      await exited(child);
    },
  };
}
