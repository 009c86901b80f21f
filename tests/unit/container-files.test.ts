import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

// The container image (Dockerfile, .dockerignore, server/healthcheck.mjs) is
// built and started by scripts/container-check.sh in CI; these are the rules
// that keep it in step with npm start without building it.

const dockerfile = fs.readFileSync("Dockerfile", "utf8");

/** The patterns of .dockerignore (no negations are used). */
const ignored = fs
  .readFileSync(".dockerignore", "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

function isIgnored(file: string) {
  return ignored.some((pattern) => {
    const regex = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/.*)?$`,
    );
    return regex.test(file);
  });
}

/** What `npm run build` is made from (scripts/build.mjs): npm start rebuilds when one differs. */
function buildInputs(): string[] {
  const source = fs.readFileSync("scripts/build.mjs", "utf8");
  const list = /const BUILD_INPUTS = \[([\s\S]*?)\];/.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

/** The JSON-array form of an instruction (CMD, HEALTHCHECK … CMD). */
function execForm(instruction: RegExp): string[] {
  const match = instruction.exec(dockerfile);
  expect(match, `${instruction} in the Dockerfile`).not.toBeNull();
  return JSON.parse(match![1]!) as string[];
}

describe("the container image", () => {
  it("starts the server with npm start's own command", () => {
    const start = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts.start as string;
    expect(execForm(/^CMD (\[.*\])$/m).join(" ")).toBe(start);
  });

  it("keeps every file the build is made from, so the container never rebuilds", () => {
    const inputs = buildInputs();
    expect(inputs).toContain("app");
    const needed = [...inputs, "server", "scripts", "prisma", "prisma.config.ts", "package.json"];
    expect(needed.filter(isIgnored)).toEqual([]);
  });

  it("leaves data, secrets and installed or built files out of the build context", () => {
    const never = ["data", "test-data", ".env", ".env.local", "node_modules", ".next", ".git"];
    expect(never.filter((file) => !isIgnored(file))).toEqual([]);
  });

  it("serves as a user that is not root, with its data in /data", () => {
    expect(dockerfile).toMatch(/^USER (?!root\b|0\b)\S+$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    expect(execForm(/^\s+CMD (\[.*\])$/m)).toEqual(["node", "server/healthcheck.mjs"]);
  });
});

describe("the HEALTHCHECK (server/healthcheck.mjs)", () => {
  let server: http.Server | null = null;
  afterEach(() => server?.close());

  /** Runs the check against a server answering `status` at /api/health; returns its exit code. */
  async function check(status: number | null) {
    let asked = "";
    server = http.createServer((req, res) => {
      asked = req.url ?? "";
      if (status === null) return req.socket.destroy();
      res.writeHead(req.url === "/api/health" ? status : 404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const code = await new Promise<number>((resolve) => {
      const env = { ...process.env, PORT: String(port), HOST: "0.0.0.0" };
      execFile(process.execPath, ["server/healthcheck.mjs"], { env }, (error) =>
        resolve(error ? Number(error.code) : 0),
      );
    });
    return { code, asked };
  }

  it("passes when /api/health answers 200", async () => {
    expect(await check(200)).toEqual({ code: 0, asked: "/api/health" });
  });

  it("fails when /api/health answers 503", async () => {
    expect(await check(503)).toEqual({ code: 1, asked: "/api/health" });
  });

  it("fails when the server drops the connection", async () => {
    expect((await check(null)).code).toBe(1);
  });
});
