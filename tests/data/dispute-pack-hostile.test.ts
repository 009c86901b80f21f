import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it, vi } from "vitest";
import { disputePackData } from "@/lib/data/dispute-pack";
import { attachReceipt } from "@/lib/data/receipts";
import { writeDisputePack } from "@/lib/documents/dispute-pack";
import { receiptStorage } from "@/lib/storage";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { hugePng, pdfBomb } from "../support/hostile-files";
import { MINT_MOBILE, newCase, newUser } from "../support/fixtures";

// Issue 30, point 14: a 1 KB PDF whose object stream inflates to 256 MiB and
// a 154 KB PNG of 6300 × 6300 pixels, as receipts of a case. The pack is
// made (in the worker pool, lib/workers/pool.ts), says of each that it could
// not be embedded, and still carries the good receipt's pages. The fonts are
// subset in the pool too: here, on the serving thread, harfbuzz throws.

vi.mock("subset-font", () => ({
  default: () => {
    throw new Error("fonts were subset on the serving thread");
  },
}));

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pack-hostile-"));

async function attach(
  user: { id: string },
  caseId: string,
  name: string,
  bytes: Buffer,
  mimeType: string,
) {
  const pending = await receiptStorage().createPending();
  await pending.write(bytes);
  try {
    await attachReceipt(
      user,
      caseId,
      { pending, fileName: name, size: bytes.length, sha256: sha256(bytes), mimeType },
      { kind: "other", noteId: null },
    );
  } finally {
    await pending.discard();
  }
}

describe("the dispute pack with hostile receipts", () => {
  it("names the receipts that break a limit as not embedded, and embeds the others", async () => {
    const user = { ...(await newUser()), name: "Mei Chen", timeZone: "America/Los_Angeles" };
    const { kase } = await newCase(user, MINT_MOBILE);
    const good = await PDFDocument.create();
    good
      .addPage([300, 300])
      .drawText("Cancellation confirmed MM-55120", { x: 20, y: 150, size: 12 });
    await attach(user, kase.id, "bomb.pdf", pdfBomb(), "application/pdf");
    await attach(user, kase.id, "huge.png", hugePng(), "image/png");
    await attach(user, kase.id, "good.pdf", Buffer.from(await good.save()), "application/pdf");
    const data = await disputePackData(user, kase.id);

    for (const [locale, catalog] of [
      ["en", en],
      ["zh-CN", zh],
    ] as const) {
      const file = path.join(work, `pack-${locale}.pdf`);
      await writeDisputePack(
        data,
        { locale, now: new Date(), lead: [] },
        fs.createWriteStream(file),
      );
      const flat = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      const notEmbedded = catalog.pack.receiptNotEmbedded.replace(/\s+/g, "");
      expect(flat.split(notEmbedded).length - 1).toBe(2);
      expect(flat).toContain("CancellationconfirmedMM-55120");
      execFileSync("qpdf", ["--check", file]);
    }
  }, 120_000);
});
