import "server-only";
import fontkit from "@pdf-lib/fontkit";
import type { Writable } from "node:stream";
import { PDFDocument } from "pdf-lib";
import type { DisputePackData } from "@/lib/data/dispute-pack";
import { dateTimeFormat } from "@/lib/domain/intl";
import type { Locale } from "@/lib/domain/locales";
import { formatMoney } from "@/lib/domain/money";
import { catalogs, translator } from "@/lib/i18n/catalogs";
import { runFileJob } from "@/lib/workers/pool";
import { Layout, type Fonts } from "./pdf-layout";
import { StreamingPdf } from "./pdf-stream";
import { record } from "./dispute-record";
import { disputesSection } from "./dispute-pack-disputes";
import { receiptPages, receiptText, type ReceiptText } from "./dispute-receipts";
import { letterPages } from "./letter-pdf";
import type { Letter } from "@/lib/domain/letters";

// The dispute pack: one PDF a card issuer accepts. The letter to send first
// (the billing-error notice for a credit card, the Regulation E notice of
// error for a debit card or bank account: lib/domain/letters, in English,
// followed in a Chinese pack by its Chinese to read), then the record: timeline,
// contact log, the receipts' index with sha256 and upload time, and the
// receipts themselves (images placed on pages, PDF receipts' own pages
// appended, emails and text files set as text). In English or Chinese,
// whatever the UI says. Noto Sans SC (OFL, from @expo-google-fonts) is cut
// down by harfbuzz (subset-font) to the characters this pack uses, in the
// worker pool (lib/workers/hostile-jobs.ts), off the serving thread; pdf-lib's
// own subsetter garbles this font's glyphs. One receipt is in memory at a time.
// This file: fonts and the order of the parts; the record is
// ./dispute-record.ts, the receipts' pages ./dispute-receipts.ts.

/**
 * `lead`: the letter to send and, in a Chinese pack, its Chinese to read,
 * set first; `letters`: the case's other letters, set after the record
 * (`?letters=1`). Both from lib/services/build-dispute-pack.ts's packLetters.
 */
export type PackOptions = { locale: Locale; now: Date; lead: Letter[]; letters?: Letter[] };

const ALWAYS = (() => {
  let chars = "•·–—→“”‘’…：，。、；（）年月日时分秒上午下午星期一二三四五六日￥US$€£";
  for (let code = 0x20; code < 0x7f; code++) chars += String.fromCharCode(code);
  for (let code = 0xa0; code < 0x180; code++) chars += String.fromCharCode(code);
  return chars;
})();

async function embedFonts(doc: PDFDocument, text: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const used = [...new Set(text + ALWAYS)].join("");
  // Subset in the worker pool (lib/workers/hostile-jobs.ts): seconds of harfbuzz off this thread.
  const fonts = await runFileJob({ kind: "pack-fonts", text: used });
  return {
    regular: await doc.embedFont(fonts.regular, { subset: false }),
    bold: await doc.embedFont(fonts.bold, { subset: false }),
  };
}

/** Writes the pack's PDF to `out`, page by page; resolves when the file is complete. */
export async function writeDisputePack(
  data: DisputePackData,
  options: PackOptions,
  out: Writable,
): Promise<void> {
  const { locale } = options;
  const [t, d] = await Promise.all([translator(locale, "pack"), translator(locale, "domain")]);
  const instant = (at: Date) =>
    dateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: data.cardholder.timeZone,
    }).format(at);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);

  // Every receipt's text, read once for the characters the font must carry.
  const texts = new Map<string, ReceiptText>();
  for (const receipt of data.receipts) {
    const text = await receiptText(receipt).catch(() => null);
    if (text) texts.set(receipt.id, text);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(t("title", { provider: data.subscription.provider }));
  doc.setCreator("CancelCase");
  doc.setProducer("CancelCase (pdf-lib)");
  doc.setCreationDate(options.now);
  const catalog = (await catalogs[locale]()).default as {
    pack: unknown;
    domain: unknown;
    disputes: unknown;
  };
  const catalogText = JSON.stringify([catalog.pack, catalog.domain, catalog.disputes]);
  const fonts = await embedFonts(
    doc,
    catalogText +
      JSON.stringify(data) +
      [...texts.values()].map((x) => JSON.stringify(x)).join("") +
      [...options.lead, ...(options.letters ?? [])].map((l) => l.text).join("") +
      instant(options.now),
  );
  const pdf = new StreamingPdf(doc, out);
  const layout = new Layout(pdf, fonts, (page, caption) =>
    [caption, t("footer", { provider: data.subscription.provider }), t("page", { n: page })]
      .filter(Boolean)
      .join("   "),
  );

  for (const letter of options.lead) await letterPages(layout, letter);
  await record(layout, data, t, d, { instant, money, locale });
  await disputesSection(layout, data.disputes, locale);
  for (const letter of options.letters ?? []) await letterPages(layout, letter);
  for (const [index, receipt] of data.receipts.entries()) {
    await receiptPages(layout, doc, receipt, texts.get(receipt.id) ?? null, t, {
      index: index + 1,
      total: data.receipts.length,
      instant,
      locale,
    });
  }
  await pdf.finish();
}
