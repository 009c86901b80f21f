import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { emailAsText, type EmailAsText } from "@/lib/documents/email-text";
import { readStatementFile, type StatementFile } from "@/lib/documents/statement-file";
import { readSubscriptionFile, type SubscriptionFile } from "@/lib/documents/subscription-file";
import type { ColumnMapping } from "@/lib/domain/statements";
import type { ImportChoices } from "@/lib/domain/subscription-import";
import { isAppError } from "@/lib/errors/app-error";
import { imageSize, pdfInflatesWithin } from "./file-limits";

// What runs in the worker pool (./pool.ts): every parse or render of a file
// a user uploaded. This file is the pool's entry; scripts/build-workers.mjs
// bundles it, with the parsers it calls, into one plain-JavaScript file that
// `npm start` runs without tsx. Bytes or a path go in, plain values come
// out; an AppError comes back as its fields (a class does not cross threads).

/** The deflated streams of one PDF receipt, inflated, at most this many bytes together. */
export const PDF_INFLATED_MAX = 64 * 1024 * 1024;
export const RECEIPT_PDF_PAGES_MAX = 100;
/**
 * pdf-lib decodes a PNG to raw pixels and deflates them again (4 bytes a
 * pixel, then pako): 16 MP (4096 × 4096, 64 MB) is more than any screenshot
 * a receipt is; a 6300 × 6300 PNG of 154 KB stands for 159 MB.
 */
export const PNG_PIXELS_MAX = 16_000_000;
/** A JPEG is embedded as it is (not decoded); the cap only refuses absurd headers. */
export const IMAGE_PIXELS_MAX = 40_000_000;

export type HostileJob =
  | {
      kind: "statement";
      path: string;
      size: number;
      format?: "csv" | "ofx";
      mapping?: ColumnMapping;
      charges?: ColumnMapping["charges"];
      room: number;
    }
  | { kind: "subscriptions"; text: string; choices: ImportChoices }
  | { kind: "email"; bytes: Uint8Array }
  | { kind: "receipt-pdf"; bytes: Uint8Array }
  | { kind: "receipt-image"; bytes: Uint8Array; mimeType: "image/png" | "image/jpeg" }
  | { kind: "pack-fonts"; text: string };

export type PackFonts = { regular: Uint8Array; bold: Uint8Array };

export type ReceiptPdf = { pdf: Uint8Array; pages: number };
export type ReceiptImage = { pdf: Uint8Array; width: number; height: number };

export type HostileValue<K extends HostileJob["kind"]> = {
  statement: StatementFile;
  subscriptions: SubscriptionFile;
  email: EmailAsText;
  "receipt-pdf": ReceiptPdf;
  "receipt-image": ReceiptImage;
  "pack-fonts": PackFonts;
}[K];

/** Which cap a file broke (the caller says so in the user's language). */
export type LimitBroken = "inflated" | "pixels" | "unreadable";

export type SerializedAppError = {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  formMessage?: { key: string };
  details?: { limit?: number; row?: number };
  retryAfterSeconds?: number;
};

export type HostileOutcome<V> =
  | { ok: true; value: V }
  | { ok: false; limit: LimitBroken }
  | { ok: false; appError: SerializedAppError };

async function receiptPdf(bytes: Uint8Array): Promise<HostileOutcome<ReceiptPdf>> {
  if (!(await pdfInflatesWithin(bytes, PDF_INFLATED_MAX))) return { ok: false, limit: "inflated" };
  const source = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
  }).catch(() => null);
  if (!source) return { ok: false, limit: "unreadable" };
  const indices = source.getPageIndices().slice(0, RECEIPT_PDF_PAGES_MAX);
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = await out.copyPages(source, indices).catch(() => null);
  if (!pages || pages.length === 0) return { ok: false, limit: "unreadable" };
  for (const page of pages) out.addPage(page);
  // Without object streams: the serving thread reads this copy back without inflating anything.
  const pdf = await out.save({ useObjectStreams: false });
  return { ok: true, value: { pdf, pages: pages.length } };
}

async function receiptImage(
  bytes: Uint8Array,
  mimeType: "image/png" | "image/jpeg",
): Promise<HostileOutcome<ReceiptImage>> {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, limit: "unreadable" };
  const pixels = size.width * size.height;
  if (pixels > (mimeType === "image/png" ? PNG_PIXELS_MAX : IMAGE_PIXELS_MAX)) {
    return { ok: false, limit: "pixels" };
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = await (mimeType === "image/png" ? doc.embedPng(bytes) : doc.embedJpg(bytes)).catch(
    () => null,
  );
  if (!image) return { ok: false, limit: "unreadable" };
  // One page the image's size: the pack draws it as a form, scaled, beside its caption.
  const page = doc.addPage([image.width, image.height]);
  page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  const pdf = await doc.save({ useObjectStreams: false });
  return { ok: true, value: { pdf, width: image.width, height: image.height } };
}

const FONT_DIR = "node_modules/@expo-google-fonts/noto-sans-sc";
const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
};

/**
 * Noto Sans SC cut down by harfbuzz (subset-font) to the characters a pack
 * uses: seconds of CPU on a busy machine and 20 MB of font read, so it is
 * done here too, not on the serving thread.
 */
async function packFonts(text: string): Promise<HostileOutcome<PackFonts>> {
  // Required from the app's node_modules as it is, not bundled: it finds harfbuzz's wasm by
  // require.resolve (the unit tests' bundle lives in a temporary folder, hence the app's root).
  const subsetFont = createRequire(path.join(process.cwd(), "package.json"))(
    "subset-font",
  ) as typeof import("subset-font").default;
  const load = async (file: string) => {
    const full = await fs.promises.readFile(path.join(process.cwd(), FONT_DIR, file));
    // Without GSUB/GPOS: pdf-lib takes glyph widths from the cmap's glyphs only, so a
    // substituted glyph (Noto's digit forms, the "fi" ligature) would get a 1000-unit gap.
    return new Uint8Array(
      await subsetFont(full, text, { targetFormat: "truetype", dropTables: ["GSUB", "GPOS"] }),
    );
  };
  return {
    ok: true,
    value: { regular: await load(FONT_FILES.regular), bold: await load(FONT_FILES.bold) },
  };
}

async function run(job: HostileJob): Promise<unknown> {
  switch (job.kind) {
    case "statement":
      return { ok: true, value: await readStatementFile(job) };
    case "subscriptions":
      return { ok: true, value: readSubscriptionFile(job.text, job.choices) };
    case "email":
      return { ok: true, value: await emailAsText(job.bytes) };
    case "receipt-pdf":
      return receiptPdf(job.bytes);
    case "receipt-image":
      return receiptImage(job.bytes, job.mimeType);
    case "pack-fonts":
      return packFonts(job.text);
  }
}

/** The pool's task function (piscina calls the default export). */
export default async function hostileJob(job: HostileJob): Promise<unknown> {
  try {
    return await run(job);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const appError: SerializedAppError = {
      code: error.code,
      message: error.message,
      fields: error.fields,
      formMessage: error.formMessage,
      details: error.details,
      retryAfterSeconds: error.retryAfterSeconds,
    };
    return { ok: false, appError };
  }
}
