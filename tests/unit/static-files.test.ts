import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
type StaticModule = {
  staticFilesMiddleware: (options: {
    root: string;
    enabled: boolean;
    budget?: number;
  }) => Middleware | null;
  acceptedEncodings: (header: string | undefined) => Set<string>;
};
type PrecompressModule = {
  precompressStatic: (root: string) => { files: number; bytes: number; br: number; gzip: number };
};

const SCRIPT = "console.log('a chunk of the build');\n".repeat(200);
let root: string;
let base: string;
let server: http.Server;

/** A request answered by the static middleware, or "next" when it passed it on. */
async function get(urlPath: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.request(`${base}${urlPath}`, { method, headers }, resolve);
    request.on("error", reject);
    request.end();
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-static-"));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write(".next/static/chunks/app.js", SCRIPT);
  write(".next/static/media/tiny.js", "1");
  write("public/robots.txt", "User-agent: *\nDisallow: /\n");
  write("public/sw.js", SCRIPT);
  write("public/notes.unknown", "not a type the server knows");
  write("package.json", '{"secret": true}');

  const { precompressStatic } = (await import(
    "../../scripts/precompress-static.mjs" as string
  )) as PrecompressModule;
  expect(precompressStatic(root)).toMatchObject({ files: 3 });
  // Run again on the same build (npm start after an old build): the same
  // files, the copies beside them not taken for files of their own.
  expect(precompressStatic(root)).toMatchObject({ files: 3 });
  const { staticFilesMiddleware } = (await import(
    "../../server/middlewares/static-files.mjs" as string
  )) as StaticModule;
  const middleware = staticFilesMiddleware({ root, enabled: true });
  expect(middleware).not.toBeNull();
  server = http.createServer((req, res) =>
    middleware!(req, res, () => {
      res.writeHead(299);
      res.end("next");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the build's static files, from memory (server/middlewares/static-files.mjs)", () => {
  it("answers a build chunk in brotli, immutable, with the security headers", async () => {
    const response = await get("/_next/static/chunks/app.js", { "Accept-Encoding": "gzip, br" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
    expect(response.headers["content-length"]).toBe(String(response.body.length));
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers.vary).toBe("Accept-Encoding");
  });

  it("leaves the build's compressed copies beside its files, for a static server in front", () => {
    const chunk = path.join(root, ".next/static/chunks/app.js");
    expect(zlib.gunzipSync(fs.readFileSync(`${chunk}.gz`)).toString()).toBe(SCRIPT);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${chunk}.br`)).toString()).toBe(SCRIPT);
    // Too small to compress, and public/ (which nginx does not serve): no copies.
    expect(fs.existsSync(path.join(root, ".next/static/media/tiny.js.gz"))).toBe(false);
    expect(fs.existsSync(path.join(root, "public/robots.txt.gz"))).toBe(false);
  });

  it("falls back to gzip, then to the file itself, as the client accepts", async () => {
    const gzip = await get("/_next/static/chunks/app.js", { "Accept-Encoding": "gzip, br;q=0" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get("/_next/static/chunks/app.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    // Too small to be worth compressing: one body, no Vary.
    const tiny = await get("/_next/static/media/tiny.js", { "Accept-Encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.headers.vary).toBeUndefined();
    expect(tiny.body.toString()).toBe("1");
  });

  it("answers a matching If-None-Match with 304 and HEAD without a body", async () => {
    const first = await get("/robots.txt", { "Accept-Encoding": "br" });
    expect(first.headers["cache-control"]).toBe("public, max-age=0");
    const again = await get("/robots.txt", { "If-None-Match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get("/_next/static/chunks/app.js", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(SCRIPT.length));
    expect(head.body.length).toBe(0);
    expect((await get("/_next/static/chunks/app.js?v=1")).status).toBe(200);
  });

  it("passes on everything the build did not list: other paths, other methods, the service worker", async () => {
    for (const urlPath of [
      "/_next/static/../../package.json",
      "/_next/static/%2e%2e/%2e%2e/package.json",
      "/_next/static/chunks/APP.js",
      "/_next/static/chunks/app.js/",
      "/package.json",
      "/sw.js",
      "/notes.unknown",
      "/",
    ]) {
      expect((await get(urlPath)).status, urlPath).toBe(299);
    }
    expect((await get("/_next/static/chunks/app.js", {}, "POST")).status).toBe(299);
  });

  it("leaves a file over the memory budget to Next.js", async () => {
    const { staticFilesMiddleware } = (await import(
      "../../server/middlewares/static-files.mjs" as string
    )) as StaticModule;
    const small = staticFilesMiddleware({ root, enabled: true, budget: 100 })!;
    let passedOn = false;
    const res = { writeHead: () => res, end: () => undefined } as unknown as http.ServerResponse;
    small(
      { method: "GET", url: "/_next/static/chunks/app.js", headers: {} } as http.IncomingMessage,
      res,
      () => (passedOn = true),
    );
    expect(passedOn).toBe(true);
    expect(staticFilesMiddleware({ root, enabled: false })).toBeNull();
  });

  it("reads q=0 as a refusal of that encoding", async () => {
    const { acceptedEncodings } = (await import(
      "../../server/middlewares/static-files.mjs" as string
    )) as StaticModule;
    expect([...acceptedEncodings("gzip, deflate, br, zstd")]).toEqual([
      "gzip",
      "deflate",
      "br",
      "zstd",
    ]);
    expect([...acceptedEncodings("br;q=0, gzip;q=0.5")]).toEqual(["gzip"]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
