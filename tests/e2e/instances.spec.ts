import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PASSWORD, uniqueEmail } from "./helpers";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second instance exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

test("a second instance with its own DATA_DIR and PORT runs beside the first without touching it", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const dataDir = path.resolve("test-data/instance-b");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      BASE_URL: "",
      NEXTAUTH_SECRET: "",
      DATABASE_URL: "",
    },
    stdio: "ignore",
  });
  try {
    const other = `http://localhost:${port}`;
    await waitForServer(`${other}/login`, child);

    // Its own database and its own generated secret, readable by the owner only.
    expect(fs.existsSync(path.join(dataDir, "cancelcase.db"))).toBe(true);
    const secret = fs.statSync(path.join(dataDir, "auth-secret"));
    expect(secret.mode & 0o777).toBe(0o600);

    // The same email registers on both: they share nothing.
    const email = uniqueEmail("twin");
    const onFirst = await request.post(`${baseURL}/api/v1/auth/register`, {
      data: { email, password: PASSWORD },
    });
    const onSecond = await request.post(`${other}/api/v1/auth/register`, {
      data: { email, password: PASSWORD },
    });
    expect(onFirst.status()).toBe(201);
    expect(onSecond.status()).toBe(201);

    const { token } = await (
      await request.post(`${other}/api/v1/auth/token`, { data: { email, password: PASSWORD } })
    ).json();
    const headers = { Authorization: `Bearer ${token}` };
    expect((await request.get(`${other}/api/v1/me`, { headers })).status()).toBe(200);
    expect((await request.get(`${baseURL}/api/v1/me`, { headers })).status()).toBe(401);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(null) : child.once("exit", resolve),
    );
  }
});
