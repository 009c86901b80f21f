import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { disputePackData } from "@/lib/data/dispute-pack";
import { listAccounts, updateAccount } from "@/lib/data/statement-accounts";
import { addNote } from "@/lib/data/notes";
import { attachReceipt } from "@/lib/data/receipts";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { writeDisputePack } from "@/lib/documents/dispute-pack";
import { addDays, formatDateOnly, todayIn } from "@/lib/domain/dates";
import { packLetters } from "@/lib/services/build-dispute-pack";
import { importStatement } from "@/lib/services/import-statement";
import { receiptStorage } from "@/lib/storage";
import zh from "@/messages/zh-CN.json";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// The dispute pack generated for a real case (a Chinese note, two images, a
// PDF and an email), then read back with poppler: the letter's facts and
// every receipt's sha256 are in its text, and every page renders.

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pack-"));
/** Where the rendered pages go, to be looked at (kept after the run). */
const PAGES_DIR = path.resolve("test-data/pack-pages");

async function receiptPdf(title: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`${title} (page ${n} of ${pages})`, { x: 60, y: 700, size: 20, font });
    page.drawText("Mint Mobile: your line 555-0142 is cancelled. Ref MM-55120.", {
      x: 60,
      y: 660,
      size: 12,
      font,
    });
  }
  return Buffer.from(await doc.save());
}

/** A real JPEG: a PDF page rasterised by pdftoppm, like a phone photo of a letter. */
async function receiptJpeg(): Promise<Buffer> {
  const pdf = path.join(work, "letter.pdf");
  fs.writeFileSync(pdf, await receiptPdf("Letter from Mint Mobile", 1));
  execFileSync("pdftoppm", ["-jpeg", "-r", "40", "-singlefile", pdf, path.join(work, "letter")]);
  return fs.readFileSync(path.join(work, "letter.jpg"));
}

const EMAIL = Buffer.from(
  "From: Mint Mobile <care@mint.example>\r\nTo: mei@example.com\r\nSubject: =?UTF-8?B?" +
    Buffer.from("Your line is cancelled / 已取消").toString("base64") +
    "?=\r\nDate: Tue, 24 Nov 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\n" +
    "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
    "Hi Mei, confirmation MM-55120: your Unlimited 5G line is cancelled. Final bill $0.00.\r\n",
);

async function attach(
  user: { id: string },
  caseId: string,
  fileName: string,
  bytes: Buffer,
  mimeType: string,
) {
  const pending = await receiptStorage().createPending();
  await pending.write(bytes);
  try {
    return await attachReceipt(
      user,
      caseId,
      { pending, fileName, size: bytes.length, sha256: sha256(bytes), mimeType },
      { kind: "confirmation", noteId: null },
    );
  } finally {
    await pending.discard();
  }
}

async function caseWithEvidence() {
  const email = `pack${Math.random().toString(36).slice(2)}@example.com`;
  const user = {
    ...(await registerUser({
      email,
      password: "a dispute pack for the bank",
      name: "Mei Chen",
      timeZone: "America/Los_Angeles",
    })),
    email,
    name: "Mei Chen",
    timeZone: "America/Los_Angeles",
  };
  const sub = await createSubscription(user, {
    provider: "Mint Mobile",
    plan: "Unlimited 5G",
    category: "mobile",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
    paymentMethod: "Visa ••4242",
  });
  const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  await addNote(
    user,
    kase.id,
    {
      channel: "phone",
      occurredAt: new Date(Date.now() - 3_600_000),
      agent: "王女士",
      reference: "REF-889",
      durationMinutes: 25,
      summary: "客服王女士确认线路已取消，说下个月不会再扣费。",
      outcome: "已取消",
    },
    todayIn(user.timeZone),
  );
  const files = {
    png: fs.readFileSync("public/icons/icon-512.png"),
    jpeg: await receiptJpeg(),
    pdf: await receiptPdf("Cancellation confirmation", 2),
    eml: EMAIL,
  };
  await attach(user, kase.id, "screenshot.png", files.png, "image/png");
  await attach(user, kase.id, "letter-photo.jpg", files.jpeg, "image/jpeg");
  await attach(user, kase.id, "confirmation.pdf", files.pdf, "application/pdf");
  await attach(user, kase.id, "mint-cancelled.eml", files.eml, "message/rfc822");
  await updateCase(user, kase.id, { confirmationNumber: "MM-55120", expectedVersion: 1 });
  for (const [to, version] of [
    ["bill_checked", 2],
    ["request_submitted", 3],
    ["confirmation_received", 4],
  ] as const) {
    await transitionCase(user, kase.id, { to, expectedVersion: version });
  }
  const today = todayIn(user.timeZone);
  await importStatement(
    user,
    statementUpload(
      CHASE_HEADER + chaseLine(addDays(today, 3), "MINT MOBILE 800-683-7392 CA", "-30.00"),
      { account: "Chase Freedom ••4242", statementDate: addDays(today, 5) },
    ),
  );
  // The letter is signed with the account's legal name, never the display name.
  const [account] = (await listAccounts(user, { limit: 10 })).items;
  await updateAccount(user, account!.id, { holderName: "Chen Mei", issuerName: "JPMorgan Chase" });
  return { user, kase, files, today };
}

async function packText(pdfPath: string): Promise<string> {
  return execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
}

describe("the dispute pack", () => {
  it("leads with the letter to send, in English (a Chinese pack adds its Chinese to read), then the record and every receipt with its sha256; every page renders", async () => {
    const { user, kase, files, today } = await caseWithEvidence();
    const data = await disputePackData(user, kase.id);
    expect(data.charges.map((c) => c.amount)).toEqual([3000]);

    for (const locale of ["en", "zh-CN"] as const) {
      const file = path.join(work, `pack-${locale}.pdf`);
      const { lead } = await packLetters(user, kase.id, locale, false);
      await writeDisputePack(data, { locale, now: new Date(), lead }, fs.createWriteStream(file));
      const text = await packText(file);
      const flat = text.replace(/\s+/g, " ");
      // The letter to send, in English in either pack, signed with the legal name.
      expect(flat).toContain("Chen Mei");
      expect(flat).not.toContain("Mei Chen");
      expect(flat).toContain("JPMorgan Chase");
      expect(flat).toContain("4242");
      expect(flat).toContain("MM-55120");
      expect(flat).toContain("$30.00");
      expect(flat).toContain("MINT MOBILE 800-683-7392 CA");
      expect(flat).toContain("Fair Credit Billing Act");
      expect(flat).toContain("Re: Billing error notice, card ending in 4242");
      expect(flat).toContain("credit my account with $30.00");
      expect(flat).toContain("Mint Mobile (Unlimited 5G) service");
      if (locale === "en") {
        expect(flat).not.toContain("本中文版本仅供您阅读理解");
      } else {
        // Its Chinese, to read, right after it and before the record.
        expect(flat).toContain("本中文版本仅供您阅读理解");
        expect(flat).toContain("尾号 4242 的信用卡");
        expect(flat).toContain("确认号 MM-55120");
        expect(flat.indexOf("尾号 4242 的信用卡")).toBeLessThan(
          flat.indexOf("客服王女士确认线路已取消"),
        );
        // Words from the catalog's other namespaces render too (the font subset carries them).
        expect(flat).toContain(zh.domain.state.confirmation_received);
        expect(flat).toContain(zh.domain.channel.phone);
      }
      // The record: the Chinese note renders as text, the email's text, the PDF receipt's own pages.
      expect(flat).toContain("客服王女士确认线路已取消");
      expect(flat).toContain("REF-889");
      expect(flat).toContain("your Unlimited 5G line is cancelled");
      expect(flat).toContain("Cancellation confirmation (page 2 of 2)");
      for (const bytes of Object.values(files)) expect(flat).toContain(sha256(bytes));

      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(7);
      const out = path.join(PAGES_DIR, locale);
      fs.rmSync(out, { recursive: true, force: true });
      fs.mkdirSync(out, { recursive: true });
      execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(out, "page")]);
      expect(fs.readdirSync(out)).toHaveLength(pages);
      void today;
    }
  }, 120_000);

  it("dates the cancellation and each step by the day it happened, with when it was written down (issue 30, point 10)", async () => {
    const email = `past${Math.random().toString(36).slice(2)}@example.com`;
    const zone = "America/Los_Angeles";
    const user = {
      ...(await registerUser({
        email,
        password: "steps happen before",
        name: "Mei",
        timeZone: zone,
      })),
      email,
      name: "Mei",
      timeZone: zone,
    };
    const today = todayIn(zone);
    const sub = await createSubscription(user, {
      provider: "Verizon",
      category: "mobile",
      amount: 6500,
      currency: "USD",
      billingCycle: "monthly",
    });
    let kase = await openCase(user, {
      subscriptionId: sub.id,
      reason: "cost",
      occurredOn: addDays(today, -12),
    });
    for (const [to, days] of [
      ["bill_checked", -12],
      ["request_submitted", -6],
      ["confirmation_received", -3],
    ] as const) {
      kase = await transitionCase(user, kase.id, {
        to,
        expectedVersion: kase.version,
        occurredOn: addDays(today, days),
        confirmationNumber: to === "confirmation_received" ? "VZ-1209" : null,
      });
    }
    const data = await disputePackData(user, kase.id);
    expect([data.openedOn, data.confirmedOn]).toEqual([addDays(today, -12), addDays(today, -3)]);
    const file = path.join(work, "pack-past.pdf");
    const { lead } = await packLetters(user, kase.id, "en", false);
    await writeDisputePack(
      data,
      { locale: "en", now: new Date(), lead },
      fs.createWriteStream(file),
    );
    const flat = (await packText(file)).replace(/\s+/g, " ");
    const day = (n: number) => formatDateOnly(addDays(today, n), "en");
    const escaped = (n: number) => day(n).replace(/[.,]/g, "\\$&");
    // The letter: cancelled on the day the provider confirmed it.
    expect(flat).toContain(`Verizon confirmed the cancellation on ${day(-3)},`);
    expect(flat).toMatch(new RegExp(`Case opened ${escaped(-12)} recorded`));
    expect(flat).toMatch(new RegExp(`Cancellation confirmed ${escaped(-3)} recorded`));
    // The timeline: each step on its own day, "recorded" beside it.
    expect(flat).toMatch(
      new RegExp(`${escaped(-6)} Payment unlinked → Request submitted recorded`),
    );
  });
});
