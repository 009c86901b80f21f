import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { bigStatementCsv, hugePng, pdfBomb } from "../support/hostile-files";
const NO_CHOICES = { currencies: {}, cycles: {} };

// The worker pool that reads uploaded files (lib/workers/pool.ts), with the
// real bundle npm start runs (built by the global setup).
process.env.FILE_WORKER_IDLE_MS = "300";
const { fileReaderRunning, isFileLimitError, runFileJob, stopFileReader } =
  await import("@/lib/workers/pool");

async function limitOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isFileLimitError(error)).toBe(true);
  return (error as { limit: string }).limit;
}

describe("the file worker pool", () => {
  afterAll(stopFileReader);

  it("refuses a PDF whose streams inflate past the cap, before pdf-lib reads it", async () => {
    expect(await limitOf(runFileJob({ kind: "receipt-pdf", bytes: pdfBomb() }))).toBe("inflated");
  });

  it("refuses a PNG of more pixels than the cap from its header, before decoding it", async () => {
    const png = hugePng();
    expect(png.length).toBeLessThan(200_000);
    expect(
      await limitOf(runFileJob({ kind: "receipt-image", bytes: png, mimeType: "image/png" })),
    ).toBe("pixels");
  });

  it("reads Pillow's PNG text-chunk bomb as the 1 × 1 image it is, within the limits", async () => {
    // Pillow's check (checks/check_png_dos.py) asserts no text chunk comes out larger than 1 MiB;
    // here only the pixels matter: one, drawn on a one-point page.
    const fs = await import("node:fs");
    const bytes = fs.readFileSync("tests/fixtures/hostile/png_decompression_dos.png");
    const result = await runFileJob({ kind: "receipt-image", bytes, mimeType: "image/png" });
    expect([result.width, result.height]).toEqual([1, 1]);
    expect(result.pdf.length).toBeLessThan(10_000);
  });

  it("copies a real PDF's pages into a copy the serving thread reads without inflating", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 300]).drawText("Final bill");
    doc.addPage([200, 300]);
    const result = await runFileJob({ kind: "receipt-pdf", bytes: await doc.save() });
    expect(result.pages).toBe(2);
    const copy = await PDFDocument.load(result.pdf);
    expect(copy.getPageCount()).toBe(2);
    expect(Buffer.from(result.pdf).toString("latin1")).not.toContain("/ObjStm");
  });

  it("ends a job past its time limit, and the next job gets a fresh thread", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pool-")), "big.csv");
    const csv = bigStatementCsv(20_000);
    fs.writeFileSync(file, csv);
    const job = {
      kind: "statement" as const,
      path: file,
      size: csv.length,
      charges: "negative" as const,
      room: 100_000,
    };
    expect(await limitOf(runFileJob(job, { timeoutMs: 1 }))).toBe("time");
    const read = await runFileJob(job);
    expect(read.lines).toHaveLength(20_000);
    expect(read.overRoom).toBe(false);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it("stops reading a statement past the room the user has left", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pool-")), "big.csv");
    fs.writeFileSync(file, bigStatementCsv(2_000));
    const read = await runFileJob({
      kind: "statement",
      path: file,
      size: 1,
      charges: "negative",
      room: 600,
    });
    expect(read.overRoom).toBe(true);
    expect(read.lines).toHaveLength(0);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it("brings a parser's own error back as the same AppError", async () => {
    const error = await runFileJob({
      kind: "subscriptions",
      text: "[1,2",
      choices: NO_CHOICES,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AppError",
      code: "validation_failed",
      fields: { file: ["subscriptions_file_unreadable"] },
    });
  });

  it("keeps no process once it has been idle", async () => {
    await runFileJob({
      kind: "subscriptions",
      text: "provider,amount\nHulu,7.99\n",
      choices: NO_CHOICES,
    });
    expect(fileReaderRunning()).toBe(true);
    await vi.waitFor(() => expect(fileReaderRunning()).toBe(false), { timeout: 10_000 });
  });
});
