// `npm run bench:upload`: the production server's memory while receiving a
// large receipt, and the upload throughput. Uploads stream to disk, so the
// server's peak RSS should not grow with the file: a 20 MB and a 200 MB
// upload should peak at about the same RSS. Results go to bench/results/.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { peakRss, writeResults } from "./api.mjs";
import { startServer } from "./server.mjs";

const MiB = 1024 * 1024;
const SIZES = [20 * MiB, 200 * MiB];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bench-"));
const server = await startServer(dataDir, { UPLOAD_MAX_BYTES: String(250 * MiB) });
const { base } = server;
const port = Number(new URL(base).port);

async function json(method, url, body, token) {
  const response = await fetch(base + url, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Plain-text bytes, generated as they are sent: the benchmark itself holds no big buffer. */
function textStream(size) {
  const line = Buffer.from("CancelCase benchmark receipt line, plain text so it is accepted.\n");
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const chunk = Buffer.alloc(Math.min(256 * 1024, size - sent));
      for (let i = 0; i < chunk.length; i += line.length) line.copy(chunk, i);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

function upload(token, caseId, size) {
  const boundary = `----bench${randomBytes(6).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big-${size}.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method: "POST",
        host: "127.0.0.1",
        port,
        path: `/api/v1/cases/${caseId}/receipts`,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": head.length + size + tail.length,
        },
      },
      (response) => {
        let body = "";
        response.on("data", (d) => (body += d));
        response.on("end", () =>
          response.statusCode === 201
            ? resolve(JSON.parse(body))
            : reject(new Error(`${response.statusCode} ${body}`)),
        );
      },
    );
    request.on("error", reject);
    request.write(head);
    const source = textStream(size);
    source.on("end", () => request.end(tail));
    source.pipe(request, { end: false });
  });
}

try {
  const email = `bench-${Date.now()}@example.com`;
  await json("POST", "/api/v1/auth/register", { email, password: "benchmark passphrase" });
  const { token } = await json("POST", "/api/v1/auth/token", {
    email,
    password: "benchmark passphrase",
  });
  const sub = await json(
    "POST",
    "/api/v1/subscriptions",
    { provider: "Bench", category: "other", amount: 100, currency: "USD", billingCycle: "monthly" },
    token,
  );
  const kase = await json(
    "POST",
    "/api/v1/cases",
    { subscriptionId: sub.id, reason: "other" },
    token,
  );

  // Warm the route once so the first measurement is not a cold compile.
  await upload(token, kase.id, 1 * MiB);
  const results = [];
  for (const size of SIZES) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 1000));
    const before = server.rssMiB();
    const sampler = peakRss(server, 50);
    const started = performance.now();
    const receipt = await upload(token, kase.id, size);
    const seconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    if (receipt.size !== size) throw new Error(`stored ${receipt.size} bytes, sent ${size}`);
    results.push({
      fileMiB: size / MiB,
      rssBeforeMiB: +before.toFixed(1),
      rssPeakMiB: +peak.toFixed(1),
      rssGrowthMiB: +(peak - before).toFixed(1),
      seconds: +seconds.toFixed(2),
      throughputMiBps: +(size / MiB / seconds).toFixed(1),
    });
  }

  console.log(
    "\nUpload memory and throughput (production server, loopback, UPLOAD_MAX_BYTES=250 MiB)\n",
  );
  console.log("| file | RSS before | RSS peak | growth | time | throughput |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.fileMiB} MiB | ${r.rssBeforeMiB} MiB | ${r.rssPeakMiB} MiB | ${r.rssGrowthMiB} MiB | ${r.seconds} s | ${r.throughputMiBps} MiB/s |`,
    );
  }
  const [small, large] = results;
  const verdict = large.rssGrowthMiB <= small.rssGrowthMiB + 50 ? "flat" : "GROWS WITH THE FILE";
  console.log(
    `\nPeak growth for a file 10× larger: ${small.rssGrowthMiB} → ${large.rssGrowthMiB} MiB (${verdict}).`,
  );
  console.log(`Written to ${writeResults("upload-memory", { results, verdict })}`);
  if (verdict !== "flat") process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
