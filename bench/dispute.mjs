// `npm run bench:dispute`: statement import speed (rows/s) and the dispute
// pack's generation time and server memory, on the production server.
// - import: a 50,000-line Chase-layout CSV, then the same file again (every
//   line a duplicate);
// - pack: a confirmed case with 10, then 50 receipts (photo-sized PNGs,
//   3-page PDFs and emails); the server's peak RSS while the PDF streams
//   should not grow with the number of receipts.
// Results go to bench/results/dispute-<date>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { apiClient, fileForm, openCase, peakRss, writeResults } from "./api.mjs";
import { startServer } from "./server.mjs";

const MiB = 1024 * 1024;
const IMPORT_ROWS = 50_000;

/** A photo-sized PNG (1200 × 1600, RGB) with noise, so it compresses like a photo, not a flat page. */
function photoPng(seed) {
  const width = 1200;
  const height = 1600;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let state = seed * 2654435761;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const noise = (state >>> 24) & 0x1f;
      const i = row + 1 + x * 3;
      raw[i] = 200 + (noise >> 1);
      raw[i + 1] = 195 + (noise >> 1);
      raw[i + 2] = ((x + y) & 0x3f) + 150;
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function receiptPdf(n) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= 3; page++) {
    const p = doc.addPage([612, 792]);
    for (let line = 0; line < 40; line++) {
      p.drawText(`Receipt ${n}, page ${page}, line ${line}: Mint Mobile account 555-0142`, {
        x: 50,
        y: 740 - line * 17,
        size: 10,
        font,
      });
    }
  }
  return Buffer.from(await doc.save());
}

const email = (n) =>
  Buffer.from(
    `From: Mint Mobile <care@mint.example>\r\nTo: bench@example.com\r\nSubject: Cancellation ${n}\r\n` +
      "Date: Tue, 24 Nov 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
      `Your line is cancelled. Reference MM-${n}. 客服确认已取消。\r\n`.repeat(20),
  );

const us = (d) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;

function statementCsv(rows, today) {
  const lines = ["Transaction Date,Post Date,Description,Category,Type,Amount,Memo"];
  const start = Date.parse(`${today}T00:00:00Z`) - 300 * 86_400_000;
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    const description = i % 500 === 0 ? "MINT MOBILE 800-683-7392 CA" : `STORE ${i % 977} #${i}`;
    lines.push(
      `${us(day)},${us(day)},${description},Shopping,Sale,-${((i % 9000) / 100 + 1).toFixed(2)},`,
    );
  }
  return lines.join("\n") + "\n";
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bench-dispute-"));
const server = await startServer(dataDir, { UPLOAD_MAX_BYTES: String(20 * MiB) });
const { base } = server;

const client = apiClient(base);
const api = client.checked;

/** Runs `work` while sampling the serving process's RSS every 20 ms. */
async function measured(work) {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const before = server.rssMiB();
  const sampler = peakRss(server, 20);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  return { result, seconds, rssBeforeMiB: +before.toFixed(1), rssPeakMiB: +peak.toFixed(1) };
}

/** A case the provider has confirmed, on a $30 mobile plan from `provider`. */
async function confirmedCase(authorization, provider) {
  let kase = await openCase(client, authorization, provider);
  for (const to of ["bill_checked", "request_submitted", "confirmation_received"]) {
    kase = await (
      await api("POST", `/api/v1/cases/${kase.id}/transitions`, {
        authorization,
        json: {
          to,
          expectedVersion: kase.version,
          ...(to === "confirmation_received" ? { confirmationNumber: "MM-55120" } : {}),
        },
      })
    ).json();
  }
  return kase;
}

try {
  const mail = `bench-dispute-${Date.now()}@example.com`;
  await api("POST", "/api/v1/auth/register", {
    json: { email: mail, password: "benchmark passphrase", name: "Mei Chen" },
  });
  const { token } = await (
    await api("POST", "/api/v1/auth/token", {
      json: { email: mail, password: "benchmark passphrase" },
    })
  ).json();
  const authorization = `Bearer ${token}`;
  const today = new Date().toISOString().slice(0, 10);
  const caseOf10 = await confirmedCase(authorization, "Visible");
  const caseOf50 = await confirmedCase(authorization, "Mint Mobile");

  // Statement import.
  const csv = Buffer.from(statementCsv(IMPORT_ROWS, today));
  const importOnce = () => {
    const form = fileForm(new File([csv], "chase.csv", { type: "text/csv" }), {
      account: "Chase ••4242",
    });
    return api("POST", "/api/v1/imports", { authorization, form }).then((r) => r.json());
  };
  const imports = [];
  for (const label of ["new lines", "same file again"]) {
    const run = await measured(importOnce);
    imports.push({
      run: label,
      rows: IMPORT_ROWS,
      added: run.result.added,
      duplicates: run.result.duplicates,
      seconds: +run.seconds.toFixed(2),
      rowsPerSecond: Math.round(IMPORT_ROWS / run.seconds),
      rssPeakMiB: run.rssPeakMiB,
    });
  }

  // Receipts: 10 on one case, 50 on the other (40 % photos, 40 % PDFs, 20 % emails).
  const files = [];
  for (let n = 0; n < 50; n++) {
    if (n % 5 < 2)
      files.push({ name: `photo-${n}.png`, type: "image/png", bytes: photoPng(n + 1) });
    else if (n % 5 < 4)
      files.push({ name: `receipt-${n}.pdf`, type: "application/pdf", bytes: await receiptPdf(n) });
    else files.push({ name: `mail-${n}.eml`, type: "message/rfc822", bytes: email(n) });
  }
  const attach = async (kase, list) => {
    for (const f of list) {
      const form = fileForm(new File([f.bytes], f.name, { type: f.type }), {
        kind: "confirmation",
      });
      await api("POST", `/api/v1/cases/${kase.id}/receipts`, { authorization, form });
    }
  };
  await attach(caseOf10, files.slice(0, 10));
  await attach(caseOf50, files);

  const packs = [];
  const pack = async (kase) => {
    const response = await api("GET", `/api/v1/cases/${kase.id}/dispute-pack`, {
      authorization,
    });
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return bytes;
  };
  await pack(caseOf10); // warm the route and the font once
  for (const [kase, receipts] of [
    [caseOf10, 10],
    [caseOf50, 50],
  ]) {
    const run = await measured(() => pack(kase));
    packs.push({
      receipts,
      receiptMiB: +(
        files.slice(0, receipts).reduce((sum, f) => sum + f.bytes.length, 0) / MiB
      ).toFixed(1),
      pdfMiB: +(run.result / MiB).toFixed(1),
      seconds: +run.seconds.toFixed(2),
      rssBeforeMiB: run.rssBeforeMiB,
      rssPeakMiB: run.rssPeakMiB,
      rssGrowthMiB: +(run.rssPeakMiB - run.rssBeforeMiB).toFixed(1),
    });
  }

  console.log(
    `\nStatement import (production server, ${IMPORT_ROWS.toLocaleString("en")}-line CSV)\n`,
  );
  console.log("| run | added | duplicates | time | rows/s | server peak RSS |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of imports)
    console.log(
      `| ${r.run} | ${r.added} | ${r.duplicates} | ${r.seconds} s | ${r.rowsPerSecond.toLocaleString("en")} | ${r.rssPeakMiB} MiB |`,
    );
  console.log("\nDispute pack (PDF, streamed)\n");
  console.log("| receipts | their size | PDF | time | RSS before | RSS peak | growth |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const p of packs)
    console.log(
      `| ${p.receipts} | ${p.receiptMiB} MiB | ${p.pdfMiB} MiB | ${p.seconds} s | ${p.rssBeforeMiB} MiB | ${p.rssPeakMiB} MiB | ${p.rssGrowthMiB} MiB |`,
    );
  console.log(`\n${writeResults("dispute", { imports, packs })}`);
} catch (error) {
  console.error(server.stderr().slice(-3000));
  throw error;
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
