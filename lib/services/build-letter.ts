import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { letterFacts } from "@/lib/data/letters";
import { notFoundError } from "@/lib/data/errors";
import type { SessionUser } from "@/lib/data/users";
import { writeLetterPdf } from "@/lib/documents/letter-pdf";
import { isLetterKind, lettersFor, renderLetter, type Letter } from "@/lib/domain/letters";
import type { Locale } from "@/lib/domain/locales";
import { UserAndServerSlots } from "@/lib/shared-counters/shared";
import { asciiSlug } from "@/lib/domain/file-names";

// One of a case's letters, as text or PDF. A kind that is not a letter, or
// one that does not fit the case (the FCC complaint for a streaming
// service, the Reg E notice for a credit card), is "not found": the case has
// no such letter. The PDF's font subsetting takes CPU like the dispute
// pack's, so one user makes one letter PDF at a time and the server two.

const PDF_TIMEOUT_MS = 2 * 60 * 1000;
const HOLD_SECONDS = PDF_TIMEOUT_MS / 1000 + 60;
const slots = new UserAndServerSlots("letter", 2, HOLD_SECONDS, {
  mine: "A letter is already being made for you.",
  others: "Letters are being made for others. Try again shortly.",
});

/** An ASCII file name: "letter-reg-e-notice-mint-mobile-2026-12-06". */
function fileName(letter: Letter, provider: string, today: string): string {
  const slug = asciiSlug(provider, "case");
  const lang = letter.lang === "en" ? "" : `-${letter.lang}`;
  return `letter-${letter.kind.replace(/_/g, "-")}-${slug}-${today}${lang}`;
}

/** The letter itself, or "not found" when the case has no such letter. */
export async function caseLetter(
  user: SessionUser,
  caseId: string,
  kind: string,
  query: { lang: Locale; transactionId?: string },
): Promise<{ letter: Letter; name: string }> {
  const facts = await letterFacts(user, caseId, query.transactionId);
  if (!isLetterKind(kind) || !lettersFor(facts).includes(kind)) throw notFoundError("Letter");
  const letter = renderLetter(kind, facts, query.lang);
  return { letter, name: fileName(letter, facts.provider.name, facts.today) };
}

/** The letter's PDF, streamed as it is written; the slots are given back when it closes. */
export async function letterPdf(user: SessionUser, letter: Letter): Promise<Readable> {
  const release = await slots.claim(user.id);
  const out = new PassThrough();
  const timer = setTimeout(
    () => out.destroy(new Error("the letter was not read in time")),
    PDF_TIMEOUT_MS,
  );
  out.once("close", () => {
    clearTimeout(timer);
    release();
  });
  writeLetterPdf(letter, new Date(), out).catch((error: unknown) => {
    console.error("letter pdf failed", error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
