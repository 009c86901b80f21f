import "server-only";
import type { Readable } from "node:stream";
import { PDFDocument, rgb } from "pdf-lib";
import type { PackReceipt } from "@/lib/data/dispute-pack";
import type { Locale } from "@/lib/domain/locales";
import type { Translate } from "@/lib/i18n/catalogs";
import { isFileLimitError, runFileJob } from "@/lib/workers/pool";
import { EMAIL_SHOWN_BYTES } from "./email-text";
import { Layout, PAGE, TEXT_WIDTH } from "./pdf-layout";

// The receipts in the dispute pack: emails and text files read as text,
// images placed on a page, PDF receipts' own pages copied in; each page
// stamped with the receipt's number and name. One receipt in memory at a time.
// Emails, images and PDFs are read in the worker pool (lib/workers/pool.ts),
// which hands back a small PDF of the image or of the receipt's pages that
// this thread copies without inflating anything; a receipt that breaks a
// limit there (its streams inflate too far, too many pixels, too long, too
// much memory) is named on its page as not embedded, and the ZIP carries it.

/** Text shown of one email or text receipt; the whole file is in the ZIP. */
const RECEIPT_TEXT_MAX = 30_000;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An email or text receipt as the pack shows it, or null for a file that is not text. */
export async function receiptText(receipt: PackReceipt): Promise<{
  headers: [string, string][];
  text: string;
  cut: boolean;
  notEmbedded?: boolean;
} | null> {
  if (receipt.mimeType !== "message/rfc822" && receipt.mimeType !== "text/plain") return null;
  const bytes = await readAll(await receipt.open());
  if (receipt.mimeType === "message/rfc822") {
    let email: { headers: [string, string][]; text: string | null } | null = null;
    try {
      email = await runFileJob({ kind: "email", bytes: bytes.subarray(0, EMAIL_SHOWN_BYTES) });
    } catch (error) {
      if (isFileLimitError(error)) return { headers: [], text: "", cut: false, notEmbedded: true };
    }
    if (!email) return { headers: [], text: "", cut: false };
    const text = email.text ?? "";
    return {
      headers: email.headers,
      text: text.slice(0, RECEIPT_TEXT_MAX),
      cut: text.length > RECEIPT_TEXT_MAX,
    };
  }
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, RECEIPT_TEXT_MAX * 4));
  return {
    headers: [],
    text: text.slice(0, RECEIPT_TEXT_MAX),
    cut: text.length > RECEIPT_TEXT_MAX || bytes.length > RECEIPT_TEXT_MAX * 4,
  };
}

export type ReceiptText = Awaited<ReturnType<typeof receiptText>>;

export async function receiptPages(
  layout: Layout,
  doc: PDFDocument,
  receipt: PackReceipt,
  text: ReceiptText,
  t: Translate,
  f: { index: number; total: number; instant: (at: Date) => string; locale: Locale },
) {
  const caption = t("receiptCaption", { n: f.index, total: f.total, name: receipt.fileName });
  await layout.newPage();
  await layout.heading(caption, 12);
  await layout.text(`SHA-256 ${receipt.sha256}`, { size: 8, muted: true, after: 0 });
  await layout.text(t("uploadedAt", { at: f.instant(receipt.uploadedAt) }), {
    size: 8,
    muted: true,
    after: 10,
  });
  const unreadable = () => layout.text(t("receiptUnreadable"), { muted: true });
  const notEmbedded = () => layout.text(t("receiptNotEmbedded"), { muted: true });
  /** The pool's answer, or what to say instead: not embedded (a limit), or unreadable. */
  const inPool = async <T>(job: () => Promise<T>): Promise<T | "limit" | null> =>
    job().catch((error: unknown) => (isFileLimitError(error) ? "limit" : null));

  if (text?.notEmbedded) return notEmbedded();
  if (text) {
    for (const [name, value] of text.headers) await layout.row(name, value, 90);
    if (text.headers.length) await layout.rule();
    await layout.text(text.text || t("receiptNoText"), { size: 9 });
    if (text.cut) await layout.text(t("receiptCut"), { muted: true, size: 8 });
    return;
  }
  if (receipt.mimeType === "image/png" || receipt.mimeType === "image/jpeg") {
    const mimeType = receipt.mimeType;
    const bytes = await readAll(await receipt.open()).catch(() => null);
    const made = bytes
      ? await inPool(() => runFileJob({ kind: "receipt-image", bytes, mimeType }))
      : null;
    if (made === "limit") return notEmbedded();
    // The image comes back as a one-page PDF, drawn here as a form: nothing is decoded on this thread.
    const [image] = made ? await doc.embedPdf(made.pdf).catch(() => [null]) : [null];
    if (!made || !image) return unreadable();
    await image.embed();
    const room = layout.y - PAGE.margin - 24;
    const scale = Math.min(1, TEXT_WIDTH / made.width, room / made.height);
    const width = made.width * scale;
    const height = made.height * scale;
    const at = { x: PAGE.margin + (TEXT_WIDTH - width) / 2, y: layout.y - height };
    layout.page!.drawPage(image, { ...at, width, height });
    // A hairline frame: a white receipt on a white page still shows where it ends.
    layout.page!.drawRectangle({
      ...at,
      width,
      height,
      borderWidth: 0.5,
      borderColor: rgb(0.6, 0.63, 0.67),
    });
    layout.y -= height;
    return;
  }
  if (receipt.mimeType === "application/pdf") {
    const bytes = await readAll(await receipt.open()).catch(() => null);
    const made = bytes ? await inPool(() => runFileJob({ kind: "receipt-pdf", bytes })) : null;
    if (made === "limit") return notEmbedded();
    // The pool's copy: at most RECEIPT_PDF_PAGES_MAX pages, no object streams to inflate.
    const source = made
      ? await PDFDocument.load(made.pdf, { updateMetadata: false }).catch(() => null)
      : null;
    const pages = source
      ? await doc.copyPages(source, source.getPageIndices()).catch(() => null)
      : null;
    if (!pages || pages.length === 0) return unreadable();
    await layout.text(t("receiptPagesFollow", { count: pages.length }), { muted: true });
    for (const page of pages) {
      doc.addPage(page);
      layout.counted(page, t("receiptShort", { n: f.index, name: receipt.fileName }));
    }
    return;
  }
  await layout.text(t("receiptNotShown"), { muted: true });
}
