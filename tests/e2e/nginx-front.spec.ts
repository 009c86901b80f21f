import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { PASSWORD, ready, uniqueEmail } from "./helpers";
import { freePort } from "./server";

// deploy/nginx-one-machine.conf, as a reader of docs/operations.md would use
// it: nginx answers /_next/static from the build's folder and passes the rest
// to CancelCase (here the suite's server). Only the two places the file marks
// "here" (the app's folder, CancelCase's port) and the port nginx listens on
// are changed. Needs nginx (Debian's nginx-light; NGINX_BIN names another).

const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const CONF = path.resolve("deploy/nginx-one-machine.conf");

let nginx: ChildProcess | null = null;
let base = "";
let prefix = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  if (!fs.existsSync(NGINX)) {
    throw new Error(`nginx not found at ${NGINX}: sudo apt-get install -y nginx-light`);
  }
  const port = await freePort();
  const appPort = new URL(test.info().project.use.baseURL!).port;
  prefix = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-nginx-"));
  const recipe = fs.readFileSync(CONF, "utf8");
  const server = recipe
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${appPort};`)
    .replace("alias /srv/cancelcase/.next/static/;", `alias ${path.resolve(".next/static")}/;`)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  expect(server).not.toContain("/srv/cancelcase");
  expect(server).not.toContain("127.0.0.1:3000;");
  fs.writeFileSync(path.join(prefix, "cancelcase.conf"), server);
  // What Debian's /etc/nginx/nginx.conf gives a conf.d file, minus the system paths.
  fs.writeFileSync(
    path.join(prefix, "nginx.conf"),
    [
      // As root, nginx's workers would drop to nobody, who cannot read a
      // checkout under a private temporary folder.
      process.getuid?.() === 0 ? "user root;" : "",
      "daemon off;",
      "worker_processes 1;",
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log;`,
      "events {}",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      `  client_body_temp_path ${prefix}/body;`,
      `  proxy_temp_path ${prefix}/proxy;`,
      `  include ${prefix}/cancelcase.conf;`,
      "}",
    ].join("\n"),
  );
  nginx = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  nginx.stderr!.on("data", (chunk) => (stderr += chunk));
  base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${base}/robots.txt`);
      break;
    } catch {
      if (tries > 100) throw new Error(`nginx did not answer: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
});

/** The first script of the login page, as the page names it. */
async function firstScript(): Promise<string> {
  const html = await (await fetch(`${base}/login`)).text();
  const src = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(src, "the login page names its scripts").toBeTruthy();
  return src!;
}

test("nginx answers the build's scripts itself, with CancelCase's headers", async () => {
  const src = await firstScript();
  const viaNginx = await fetch(base + src, { headers: { "accept-encoding": "gzip" } });
  expect(viaNginx.status).toBe(200);
  expect(viaNginx.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(viaNginx.headers.get("x-content-type-options")).toBe("nosniff");
  expect(viaNginx.headers.get("content-security-policy")).toContain("sandbox");
  expect(viaNginx.headers.get("content-type")).toMatch(/javascript/);
  // CancelCase's own answer for the same file: the same bytes, its own tag
  // (nginx's is the file's time and size: proof the request stopped there).
  const direct = await fetch(new URL(src, test.info().project.use.baseURL!));
  expect(await viaNginx.text()).toBe(await direct.text());
  expect(viaNginx.headers.get("etag")).not.toBe(direct.headers.get("etag"));
  // A name the build does not have goes no further than nginx.
  const missing = await fetch(`${base}/_next/static/chunks/not-in-this-build.js`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain("nginx");
  // And a path out of the folder is not a file of the machine.
  const escape = await fetch(`${base}/_next/static/../../package.json`);
  expect(escape.status).not.toBe(200);
});

test("nginx gzips the scripts it answers when asked", async () => {
  const src = await firstScript();
  const response = await fetch(base + src, { headers: { "accept-encoding": "gzip" } });
  // fetch undoes the encoding; read it raw to see nginx did it.
  const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
    import("node:http").then(({ get }) =>
      get(base + src, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
        );
      }).on("error", reject),
    );
  });
  expect(raw.encoding).toBe("gzip");
  expect(gunzipSync(raw.body).toString()).toBe(await response.text());
});

test("through nginx, a new user signs up and reaches the dashboard", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/")) scripts.push(String(response.status()));
  });
  await page.goto(`${base}/register`);
  await ready(page);
  await page.getByLabel(/^Name/).fill("Behind nginx");
  await page.getByLabel("Email").fill(uniqueEmail("nginx"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${base}/dashboard`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((status) => status === "200" || status === "304")).toBe(true);
});
