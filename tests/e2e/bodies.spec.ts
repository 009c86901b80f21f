import { expect, test } from "@playwright/test";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { sha256, storedHashes } from "./files";
import { apiCase, apiUser } from "./helpers";
import { startOwnServer } from "./server";

const MiB = 1024 * 1024;

/** Sends `mib` MiB of "a"s as fast as the server takes them; resolves with what it answered. */
function sendBody(
  url: string,
  mib: number,
  { chunked = false, contentType = "application/json" } = {},
): Promise<{ status: number | null; error: string | null; sentMiB: number; body: string }> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const headers: Record<string, string> = { "content-type": contentType };
    if (!chunked) headers["content-length"] = String(mib * MiB);
    const request = http.request({
      hostname: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers,
    });
    const chunk = Buffer.alloc(MiB, 0x61);
    let sent = 0;
    request.on("response", (response) => {
      let body = "";
      response.on("data", (data) => (body += data));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? null, error: null, sentMiB: sent, body });
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: null, error: error.code ?? error.message, sentMiB: sent, body: "" }),
    );
    const write = () => {
      while (sent < mib) {
        sent++;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

/** Every worker's resident memory together (a request may land on any of them). */
function rssMiB(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return sum + Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  }, 0);
}

test("a 300 MiB body is refused while it is read: 413, memory flat, the server carries on", async () => {
  const server = await startOwnServer("bodies");
  try {
    const pid = server.servingPids();
    const before = rssMiB(pid);
    let peak = before;

    const declared = await sendBody(`${server.url}/api/v1/auth/token`, 300);
    peak = Math.max(peak, rssMiB(pid));
    // The server answers 413 before reading and closes; a client still writing can see the
    // close (a TCP reset) before it reads the answer. Either way nothing past 1 MiB was taken.
    expect(declared.status === 413 || declared.error !== null, JSON.stringify(declared)).toBe(true);
    if (declared.status === 413)
      expect(JSON.parse(declared.body).error.code).toBe("payload_too_large");
    expect(declared.sentMiB).toBeLessThan(300);

    // No Content-Length: the API's reader counts and stops at 1 MiB.
    const chunked = await sendBody(`${server.url}/api/v1/auth/token`, 300, { chunked: true });
    peak = Math.max(peak, rssMiB(pid));
    expect(chunked.status).toBe(413);
    expect(chunked.sentMiB).toBeLessThan(300);

    // Elsewhere (sign-in, server actions) the server counts a chunked body as it arrives.
    const signIn = await sendBody(`${server.url}/api/auth/callback/credentials`, 300, {
      chunked: true,
      contentType: "application/x-www-form-urlencoded",
    });
    peak = Math.max(peak, rssMiB(pid));
    expect(signIn.status === 413 || signIn.error !== null).toBe(true);
    expect(signIn.sentMiB).toBeLessThan(300);
    const page = await sendBody(`${server.url}/dashboard`, 300, { contentType: "text/plain" });
    peak = Math.max(peak, rssMiB(pid));
    expect(page.status === 413 || page.error !== null).toBe(true);

    expect((await fetch(`${server.url}/api/ping`)).status).toBe(200);
    console.log(
      `bodies: RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB while refusing 300 MiB bodies`,
    );
    expect(peak - before).toBeLessThan(64);
  } finally {
    await server.stop();
  }
});

test("a server action body over its limit is a clean 413, not a 500", async ({ request }) => {
  const response = await request.fetch("/login", {
    method: "POST",
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
    data: "x".repeat(2 * MiB),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("payload_too_large");
});

test("an .eml nested deeper than the parser reads is 422 and stores nothing", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase } = await apiCase(request, auth);
  let body = "Confirmation at the very bottom\r\n";
  for (let depth = 0; depth < 300; depth++) {
    body = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${body}\r\n--b${depth}--\r\n`;
  }
  const eml = Buffer.from(
    `From: care@mint.example\r\nTo: me@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n${body}`,
  );
  const response = await request.post(`/api/v1/cases/${kase.id}/receipts`, {
    headers: auth,
    multipart: { file: { name: "deep.eml", mimeType: "message/rfc822", buffer: eml } },
  });
  expect(response.status()).toBe(422);
  const error = (await response.json()).error;
  expect(error.code).toBe("unprocessable");
  expect(error.fields.file[0]).toMatch(/could not be read/);
  expect(storedHashes()).not.toContain(sha256(eml));
});

test("a download whose file is missing from storage is a JSON 410, not an empty reply", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const { kase } = await apiCase(request, auth);
  const bytes = Buffer.from(`a receipt that will vanish ${Date.now()}\n`);
  const uploaded = await (
    await request.post(`/api/v1/cases/${kase.id}/receipts`, {
      headers: auth,
      multipart: { file: { name: "vanish.txt", mimeType: "text/plain", buffer: bytes } },
    })
  ).json();
  const root = path.resolve("test-data/e2e/receipts");
  const file = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => path.join(entry.parentPath, entry.name))
    .find(
      (full) => fs.statSync(full).isFile() && sha256(fs.readFileSync(full)) === uploaded.sha256,
    );
  fs.rmSync(file!);

  const response = await request.get(`/api/v1/receipts/${uploaded.id}/download`, { headers: auth });
  expect(response.status()).toBe(410);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect((await response.json()).error.code).toBe("gone");
  // The metadata is still there to say what was lost.
  expect((await request.get(`/api/v1/receipts/${uploaded.id}`, { headers: auth })).status()).toBe(
    200,
  );
});
