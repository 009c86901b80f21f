import "server-only";
import type { Readable } from "node:stream";
import { PDFDocument, rgb } from "pdf-lib";
import type { PackReceipt } from "@/lib/data/dispute-pack";
import type { Locale } from "@/lib/domain/locales";
import type { Translate } from "@/lib/i18n/catalogs";
import { EMAIL_SHOWN_BYTES, emailAsText } from "./email-text";
import { Layout, PAGE, TEXT_WIDTH } from "./pdf-layout";

// The receipts in the dispute pack: emails and text files read as text,
// images placed on a page, PDF receipts' own pages copied in; each page
// stamped with the receipt's number and name. One receipt in memory at a time.

/** Text shown of one email or text receipt; the whole file is in the ZIP. */
const RECEIPT_TEXT_MAX = 30_000;
const RECEIPT_PDF_PAGES_MAX = 100;
/** pdf-lib decodes a PNG to raw pixels: a 30,000 × 30,000 "receipt" would take gigabytes. */
const PNG_PIXELS_MAX = 40_000_000;

/** Width × height from a PNG's header, or null when it is not one. */
export function pngPixels(bytes: Uint8Array): number | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(16) * view.getUint32(20);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An email or text receipt as the pack shows it, or null for a file that is not text. */
export async function receiptText(
  receipt: PackReceipt,
): Promise<{ headers: [string, string][]; text: string; cut: boolean } | null> {
  if (receipt.mimeType !== "message/rfc822" && receipt.mimeType !== "text/plain") return null;
  const bytes = await readAll(await receipt.open());
  if (receipt.mimeType === "message/rfc822") {
    const email = await emailAsText(bytes.subarray(0, EMAIL_SHOWN_BYTES)).catch(() => null);
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

  if (text) {
    for (const [name, value] of text.headers) await layout.row(name, value, 90);
    if (text.headers.length) await layout.rule();
    await layout.text(text.text || t("receiptNoText"), { size: 9 });
    if (text.cut) await layout.text(t("receiptCut"), { muted: true, size: 8 });
    return;
  }
  if (receipt.mimeType === "image/png" || receipt.mimeType === "image/jpeg") {
    const bytes = await readAll(await receipt.open()).catch(() => null);
    const png = receipt.mimeType === "image/png";
    const fits = bytes && (!png || (pngPixels(bytes) ?? Infinity) <= PNG_PIXELS_MAX);
    const image = fits
      ? await (png ? doc.embedPng(bytes) : doc.embedJpg(bytes)).catch(() => null)
      : null;
    if (!image) return unreadable();
    await image.embed();
    const room = layout.y - PAGE.margin - 24;
    const scale = Math.min(1, TEXT_WIDTH / image.width, room / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    const at = { x: PAGE.margin + (TEXT_WIDTH - width) / 2, y: layout.y - height };
    layout.page!.drawImage(image, { ...at, width, height });
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
    const source = bytes
      ? await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }).catch(
          () => null,
        )
      : null;
    const indices = source?.getPageIndices().slice(0, RECEIPT_PDF_PAGES_MAX) ?? [];
    const pages = source ? await doc.copyPages(source, indices).catch(() => null) : null;
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
