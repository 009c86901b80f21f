// `npm run bench -- --hostile` (or `npm run bench:hostile`): issue 30's
// hostile files, each sent through its real endpoint to the production
// server (`npm start`: one worker process per core), while another user
// loads the cases page at a steady rate. For each file: that other user's
// latency (p50, p99, max) while the file is processed, and the RSS of all the
// server's processes together (supervisor, workers and their threads)
// before, at the peak (sampled every 25 ms) and after (once the file reader
// process has been idle and exited). The files are made by tests/support/hostile-files.ts:
//   - a PDF receipt of about 1 KB whose object stream inflates to 256 MiB,
//     in a dispute pack (ZIP);
//   - a 154 KB PNG of 6300 × 6300 pixels, in a dispute pack (ZIP);
//   - a statement of 20,000 lines;
//   - 5,000 subscriptions sharing a first word (imported as a file), then
//     20,000 statement lines that all start with that word.
// Results go to bench/results/hostile-<date>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bigStatementCsv, hugePng, pdfBomb } from "../tests/support/hostile-files.ts";
import { latestHostileResults, writeHostileSection } from "./hostile-report.mjs";
import { apiClient, fileForm, openCase, peakRss, writeResults } from "./api.mjs";
import { PASSWORD, signIn, startServer } from "./server.mjs";

// The other user: one page every 200 ms (5 a second), sent on time whatever the answers (open
// loop), so a stalled server shows as queued requests, not as fewer requests.
const PACE_MS = 200;
const IDLE_WAIT_MS = 8000; // the file reader exits after 5 s idle (FILE_WORKER_IDLE_MS)
const log = (message) => console.log(`[bench:hostile] ${message}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bench-hostile-"));
const server = await startServer(dataDir, {
  UPLOAD_MAX_BYTES: String(20 * 1024 * 1024),
  CANCELCASE_TEST_SUBSCRIPTIONS_PER_USER_MAX: "10000",
});
const { base } = server;

const client = apiClient(base);
const must = async (method, url, options) => (await client.checked(method, url, options)).json();

async function user(name) {
  const email = `${name}-${Date.now()}@example.com`;
  await must("POST", "/api/v1/auth/register", { json: { email, password: PASSWORD, name } });
  return signIn(base, email);
}

/** The other user: GET /cases every PACE_MS until stopped; each answer's latency in ms. */
function steadyReader(cookie) {
  const latencies = [];
  const failures = [];
  const pending = new Set();
  const timer = setInterval(() => {
    const started = performance.now();
    const request = fetch(`${base}/cases`, {
      headers: { cookie, "accept-encoding": "gzip, deflate, br" },
    })
      .then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) failures.push(response.status);
        latencies.push(performance.now() - started);
      })
      .catch((error) => failures.push(String(error)))
      .finally(() => pending.delete(request));
    pending.add(request);
  }, PACE_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    return { latencies, failures };
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function measure(name, work, cookie) {
  await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
  const before = server.rssMiB();
  const sampler = peakRss(server, 25);
  const stop = steadyReader(cookie);
  const started = performance.now();
  let outcome;
  try {
    outcome = await work();
  } catch (error) {
    outcome = `failed: ${error.message}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const { latencies, failures } = await stop();
  const peak = Math.max(sampler.stop(), server.rssMiB());
  await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
  const after = server.rssMiB();
  const row = {
    file: name,
    outcome,
    seconds: +seconds.toFixed(2),
    otherUser: {
      requests: latencies.length,
      failures: failures.length,
      p50Ms: +percentile(latencies, 50).toFixed(1),
      p99Ms: +percentile(latencies, 99).toFixed(1),
      maxMs: +Math.max(...latencies).toFixed(1),
    },
    rssMiB: { before: +before.toFixed(1), peak: +peak.toFixed(1), after: +after.toFixed(1) },
  };
  log(JSON.stringify(row));
  return row;
}

async function caseWith(authorization, receipt) {
  const kase = await openCase(client, authorization);
  const form = fileForm(new File([receipt.bytes], receipt.name), { kind: "other" });
  await must("POST", `/api/v1/cases/${kase.id}/receipts`, { authorization, form });
  return kase.id;
}

async function pack(authorization, caseId) {
  const response = await client.call("GET", `/api/v1/cases/${caseId}/dispute-pack?format=zip`, {
    authorization,
  });
  const body = Buffer.from(await response.arrayBuffer());
  return `${response.status}, ZIP of ${(body.length / 1024).toFixed(0)} KiB`;
}

function statementForm(csv) {
  // No issuer's header: the sign is the user's answer, as the preview would ask.
  return fileForm(new File([csv], "statement.csv", { type: "text/csv" }), {
    account: "Chase ••4242",
    charges: "negative",
  });
}

try {
  const hostile = await user("hostile");
  const other = await user("other");
  await caseWith(other.bearer, { name: "note.txt", bytes: Buffer.from("a receipt") });
  // Warm every worker process's page once, so a first render is not counted.
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${base}/cases`, { headers: { cookie: other.cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/cases: ${response.status}`);
  }

  const rows = [];
  rows.push(
    await measure(
      "(none: the other user alone)",
      async () => {
        await new Promise((r) => setTimeout(r, 3000));
        return "idle";
      },
      other.cookie,
    ),
  );

  const bomb = pdfBomb();
  const bombCase = await caseWith(hostile.bearer, { name: "bomb.pdf", bytes: bomb });
  rows.push(
    await measure(
      `PDF receipt, ${bomb.length} B, inflates to 256 MiB (dispute pack)`,
      () => pack(hostile.bearer, bombCase),
      other.cookie,
    ),
  );

  const png = hugePng();
  const pngCase = await caseWith(hostile.bearer, { name: "huge.png", bytes: png });
  rows.push(
    await measure(
      `PNG receipt, ${(png.length / 1024).toFixed(0)} KiB, 6300×6300 px (dispute pack)`,
      () => pack(hostile.bearer, pngCase),
      other.cookie,
    ),
  );

  const csv = bigStatementCsv(20_000);
  rows.push(
    await measure(
      "statement, 20,000 lines (import)",
      async () => {
        const result = await must("POST", "/api/v1/imports", {
          authorization: hostile.bearer,
          form: statementForm(csv),
        });
        return `201, ${result.added} lines added`;
      },
      other.cookie,
    ),
  );

  const subsCsv = ["provider,amount,currency,billingCycle"];
  for (let i = 1; i <= 5000; i++) subsCsv.push(`APPLE Service ${i},1.99,USD,monthly`);
  rows.push(
    await measure(
      "subscriptions, 5,000 sharing a first word (import)",
      async () => {
        const form = fileForm(
          new File([subsCsv.join("\n") + "\n"], "subs.csv", { type: "text/csv" }),
        );
        const result = await must("POST", "/api/v1/subscriptions/import", {
          authorization: hostile.bearer,
          form,
        });
        return `200, ${result.imported.length} imported`;
      },
      other.cookie,
    ),
  );

  const appleCsv = bigStatementCsv(20_000).replace(/MERCHANT /g, "APPLE SERVICE X");
  rows.push(
    await measure(
      "statement, 20,000 lines against 5,000 subscriptions sharing its first word",
      async () => {
        const result = await must("POST", "/api/v1/imports", {
          authorization: hostile.bearer,
          form: statementForm(appleCsv),
        });
        return `201, ${result.added} lines added`;
      },
      other.cookie,
    ),
  );

  console.log(
    `\nHostile files (npm start: ${server.processes()} processes; the other user loads /cases every ${PACE_MS} ms)\n`,
  );
  console.log(
    "| file | outcome | time | other user p50 / p99 / max | RSS before / peak / after (all processes) |",
  );
  console.log("| --- | --- | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.file} | ${r.outcome} | ${r.seconds} s | ${r.otherUser.p50Ms} / ${r.otherUser.p99Ms} / ${r.otherUser.maxMs} ms (${r.otherUser.requests} requests${r.otherUser.failures ? `, ${r.otherUser.failures} failed` : ""}) | ${r.rssMiB.before} / ${r.rssMiB.peak} / ${r.rssMiB.after} MiB |`,
    );
  }
  const out = writeResults("hostile", {
    paceMs: PACE_MS,
    processes: server.processes(),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", "),
    rows,
  });
  await writeHostileSection(latestHostileResults());
  console.log(`\nWritten to ${out} and BENCHMARKS.md ("Hostile files")`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
