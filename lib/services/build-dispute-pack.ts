import "server-only";
import { PassThrough, Readable } from "node:stream";
import yazl from "yazl";
import { disputePackData, type DisputePackData } from "@/lib/data/dispute-pack";
import type { SessionUser } from "@/lib/data/users";
import { writeDisputePack } from "@/lib/documents/dispute-pack";
import { letterFacts } from "@/lib/data/letters";
import { lettersFor, renderLetter, type Letter, type LetterKind } from "@/lib/domain/letters";
import type { Locale } from "@/lib/domain/locales";
import { UserAndServerSlots } from "@/lib/shared-counters/shared";
import { asciiSlug } from "@/lib/domain/file-names";
import { readOrExplain } from "./export-account";

// A case's dispute pack: the PDF (or a ZIP of the PDF, the original files
// and a manifest), streamed as it is written. A pack takes a
// second or more of CPU, so one user makes one at a time and the server
// two at once; a third waits for a 503 with Retry-After, counted before any
// work starts. A pack not read within ten minutes is ended, so a client that
// stops reading cannot hold a slot.

const PACKS_AT_ONCE = 2;
/** A download left unread (a stalled or hostile client) gives its slot back after this long. */
const PACK_TIMEOUT_MS = 10 * 60 * 1000;
// Shared by every worker (lib/shared-counters/shared.ts). A slot outlives the pack's
// own timeout by a minute, so only a process that died frees one by expiry.
const HOLD_SECONDS = PACK_TIMEOUT_MS / 1000 + 60;
const slots = new UserAndServerSlots("pack", PACKS_AT_ONCE, HOLD_SECONDS, {
  mine: "A dispute pack is already being made for you.",
  others: "Dispute packs are being made for others. Try again shortly.",
});

/** The ZIP's manifest: what each file is, with the fingerprints the PDF prints. */
function manifest(data: DisputePackData, paths: string[], generatedAt: Date, lang: string) {
  return {
    format: "cancelcase-dispute-pack",
    version: 1,
    generatedAt,
    language: lang,
    pdf: "dispute-pack.pdf",
    case: {
      id: data.caseId,
      provider: data.subscription.provider,
      plan: data.subscription.plan,
      confirmationNumber: data.confirmationNumber,
      confirmedAt: data.confirmedAt,
    },
    charges: data.charges.map((c) => ({
      postedOn: c.postedOn,
      description: c.description,
      amount: c.amount,
      currency: c.currency,
      account: c.account,
      statementDate: c.statementDate,
      disputeBy: c.disputeBy,
    })),
    disputes: data.disputes.map((x) => ({
      postedOn: x.charge.postedOn,
      description: x.charge.description,
      law: x.law,
      filedOn: x.filedOn,
      channel: x.channel,
      reference: x.reference,
      status: x.status,
      acknowledgedOn: x.acknowledgedOn,
      provisionalCreditOn: x.provisionalCreditOn,
      provisionalCreditAmount: x.provisionalCreditAmount,
      resolvedOn: x.resolvedOn,
      bankDuties: x.bankDuties,
    })),
    receipts: data.receipts.map((r, index) => ({
      file: paths[index],
      fileName: r.fileName,
      kind: r.kind,
      mimeType: r.mimeType,
      size: r.size,
      sha256: r.sha256,
      uploadedAt: r.uploadedAt,
    })),
  };
}

/**
 * The pack's letters. `lead`: the letter to send (the billing-error notice
 * for a credit card, the Regulation E notice for a debit card or bank
 * account), in English, and in a Chinese pack its Chinese to read.
 * `more` (`?letters=1`): every other letter that fits the case, the same way.
 */
export async function packLetters(
  user: Parameters<typeof letterFacts>[0],
  caseId: string,
  lang: Locale,
  all: boolean,
): Promise<{ lead: Letter[]; more: Letter[] }> {
  const facts = await letterFacts(user, caseId);
  const both = (kind: LetterKind) =>
    lang === "en"
      ? [renderLetter(kind, facts, "en")]
      : [renderLetter(kind, facts, "en"), renderLetter(kind, facts, lang)];
  const [first, ...rest] = lettersFor(facts);
  return { lead: both(first!), more: all ? rest.flatMap(both) : [] };
}

export type DisputePackFile = {
  stream: Readable;
  /** The download's name, without its extension: "dispute-pack-mint-mobile-2026-12-06". */
  name: string;
  format: "pdf" | "zip";
};

/**
 * Starts writing the pack and hands back its stream; the slots are given
 * back when the stream closes (read to the end, failed or abandoned).
 */
export async function buildDisputePack(
  user: SessionUser,
  caseId: string,
  query: { lang: Locale; format: "pdf" | "zip"; letters?: "0" | "1" },
): Promise<DisputePackFile> {
  const release = await slots.claim(user.id);
  try {
    const data = await disputePackData(user, caseId);
    const { lead, more } = await packLetters(user, caseId, query.lang, query.letters === "1");
    const now = new Date();
    const pdf = new PassThrough();
    const timer = setTimeout(
      () => pdf.destroy(new Error("the dispute pack was not read in time")),
      PACK_TIMEOUT_MS,
    );
    pdf.once("close", () => {
      clearTimeout(timer);
      release();
    });
    writeDisputePack(data, { locale: query.lang, now, lead, letters: more }, pdf).catch(
      (error: unknown) => {
        console.error("dispute pack failed", error);
        pdf.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    const name = `dispute-pack-${asciiSlug(data.subscription.provider, "case")}-${now.toISOString().slice(0, 10)}`;
    if (query.format === "pdf") return { stream: pdf, name, format: "pdf" };
    const zip = new yazl.ZipFile();
    // A failed or timed-out PDF ends the download instead of the process.
    const fail = (error: Error) => (zip.outputStream as Readable).destroy(error);
    zip.on("error", fail);
    pdf.once("error", fail);
    zip.addReadStream(pdf, "dispute-pack.pdf", { mtime: now });
    const paths = data.receipts.map(
      (r, index) =>
        `receipts/${String(index + 1).padStart(3, "0")}-${r.fileName.replace(/[\\/\x00-\x1f\x7f]/g, "_")}`,
    );
    data.receipts.forEach((receipt, index) => {
      zip.addReadStream(readOrExplain(receipt), paths[index]!, { mtime: receipt.uploadedAt });
    });
    zip.addBuffer(
      Buffer.from(JSON.stringify(manifest(data, paths, now, query.lang), null, 2)),
      "manifest.json",
      { mtime: now },
    );
    zip.end();
    const out = zip.outputStream as Readable;
    out.once("close", release);
    out.once("end", release);
    return { stream: out, name, format: "zip" };
  } catch (error) {
    release();
    throw error;
  }
}
