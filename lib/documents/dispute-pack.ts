import "server-only";
import fontkit from "@pdf-lib/fontkit";
import fs from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { PDFDocument, rgb } from "pdf-lib";
import subsetFont from "subset-font";
import type { DisputePackData, PackReceipt } from "@/lib/data/dispute-pack";
import { formatDateOnly } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import type { Locale } from "@/lib/domain/locales";
import { formatMoney } from "@/lib/domain/money";
import { formatBytes } from "@/lib/domain/receipts";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import { catalogs, translator, type Translate } from "@/lib/i18n/catalogs";
import { EMAIL_SHOWN_BYTES, emailAsText } from "./email-text";
import { Layout, PAGE, TEXT_WIDTH, type Fonts } from "./pdf-layout";
import { StreamingPdf } from "./pdf-stream";

// The dispute pack: one PDF a card issuer accepts. A billing-error letter
// (cardholder, card's last four, the charges, the cancellation with its date
// and confirmation number, what is asked), then the record: timeline,
// contact log, the receipts' index with sha256 and upload time, and the
// receipts themselves (images placed on pages, PDF receipts' own pages
// appended, emails and text files set as text). In English or Chinese,
// whatever the UI says. Noto Sans SC (OFL, from @expo-google-fonts) is cut
// down by harfbuzz (subset-font) to the characters this pack uses; pdf-lib's
// own subsetter garbles this font's glyphs. One receipt is in memory at a time.

const FONT_DIR = "node_modules/@expo-google-fonts/noto-sans-sc";
const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
};
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

export type PackOptions = { locale: Locale; now: Date };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An email or text receipt as the pack shows it, or null for a file that is not text. */
async function receiptText(
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

const ALWAYS = (() => {
  let chars = "•·–—→“”‘’…：，。、；（）年月日时分秒上午下午星期一二三四五六日￥US$€£";
  for (let code = 0x20; code < 0x7f; code++) chars += String.fromCharCode(code);
  for (let code = 0xa0; code < 0x180; code++) chars += String.fromCharCode(code);
  return chars;
})();

async function embedFonts(doc: PDFDocument, text: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const used = [...new Set(text + ALWAYS)].join("");
  const load = async (file: string) => {
    // Read at run time from the installed package (not traced into the build: 10 MB each).
    const full = await fs.promises.readFile(
      path.join(/* turbopackIgnore: true */ process.cwd(), FONT_DIR, file),
    );
    // Without GSUB/GPOS: pdf-lib takes glyph widths from the cmap's glyphs only, so a
    // substituted glyph (Noto's digit forms, the "fi" ligature) would get a 1000-unit gap.
    const subset = await subsetFont(full, used, {
      targetFormat: "truetype",
      dropTables: ["GSUB", "GPOS"],
    });
    return doc.embedFont(subset, { subset: false });
  };
  return { regular: await load(FONT_FILES.regular), bold: await load(FONT_FILES.bold) };
}

/** The card's last four digits, from the statement's account label or the plan's payment method. */
export function lastFour(data: DisputePackData): string | null {
  for (const label of [...data.charges.map((c) => c.account), data.subscription.paymentMethod]) {
    const digits = /(\d{4})\D*$/.exec(label ?? "");
    if (digits) return digits[1]!;
  }
  return null;
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
  const day = (at: Date) =>
    dateTimeFormat(locale, { dateStyle: "long", timeZone: data.cardholder.timeZone }).format(at);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);

  // Every receipt's text, read once for the characters the font must carry.
  const texts = new Map<string, Awaited<ReturnType<typeof receiptText>>>();
  for (const receipt of data.receipts) {
    const text = await receiptText(receipt).catch(() => null);
    if (text) texts.set(receipt.id, text);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(t("title", { provider: data.subscription.provider }));
  doc.setCreator("CancelCase");
  doc.setProducer("CancelCase (pdf-lib)");
  doc.setCreationDate(options.now);
  const catalog = (await catalogs[locale]()).default as { pack: unknown; domain: unknown };
  const catalogText = JSON.stringify([catalog.pack, catalog.domain]);
  const fonts = await embedFonts(
    doc,
    catalogText +
      JSON.stringify(data) +
      [...texts.values()].map((x) => JSON.stringify(x)).join("") +
      instant(options.now) +
      day(options.now),
  );
  const pdf = new StreamingPdf(doc, out);
  const layout = new Layout(pdf, fonts, (page, caption) =>
    [caption, t("footer", { provider: data.subscription.provider }), t("page", { n: page })]
      .filter(Boolean)
      .join("   "),
  );

  await letter(layout, data, t, { day, money, now: options.now, locale });
  await record(layout, data, t, d, { instant, money, locale });
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

type Formats = {
  day: (at: Date) => string;
  money: (cents: number, currency: string) => string;
  now: Date;
  locale: Locale;
};

async function letter(layout: Layout, data: DisputePackData, t: Translate, f: Formats) {
  const { subscription: s, cardholder } = data;
  const four = lastFour(data) ?? "____";
  await layout.newPage();
  await layout.text(f.day(f.now), { after: 12 });
  await layout.text(cardholder.name || "______________________", { bold: true, after: 0 });
  await layout.text(cardholder.email, { after: 14 });
  await layout.text(t("to", { issuer: data.issuer ?? t("issuerUnknown") }), { after: 14 });
  await layout.text(t("subject", { last4: four }), { bold: true, size: 12, after: 12 });
  await layout.text(t("salutation"), { after: 8 });
  await layout.text(t("intro", { count: Math.max(1, data.charges.length) }), { after: 8 });
  if (data.charges.length === 0) {
    await layout.text(t("chargesBlank"), { muted: true, indent: 16, after: 8 });
  }
  for (const charge of data.charges) {
    const facts = [
      f.money(charge.amount, charge.currency),
      charge.statementDate
        ? t("statementOf", { date: formatDateOnly(charge.statementDate, f.locale) })
        : null,
      charge.account,
    ].filter(Boolean);
    await layout.row(
      formatDateOnly(charge.postedOn, f.locale),
      `${charge.description}\n${facts.join(t("separator"))}`,
      110,
    );
    await layout.gap(4);
  }
  await layout.gap(6);
  const confirmedOn = data.confirmedOn
    ? formatDateOnly(data.confirmedOn, f.locale)
    : t("notConfirmed");
  await layout.text(
    t("cancelled", {
      provider: s.plan ? `${s.provider} (${s.plan})` : s.provider,
      date: confirmedOn,
      confirmation: data.confirmationNumber ?? t("noConfirmationNumber"),
    }),
    { after: 8 },
  );
  const currencies = [...new Set(data.charges.map((c) => c.currency))];
  const total = currencies
    .map((currency) =>
      f.money(
        data.charges.filter((c) => c.currency === currency).reduce((sum, c) => sum + c.amount, 0),
        currency,
      ),
    )
    .join(" + ");
  await layout.text(t("ask", { total: total || t("totalBlank") }), { after: 8 });
  await layout.text(t("enclosed", { count: data.receipts.length }), { after: 18 });
  await layout.text(t("closing"), { after: 28 });
  await layout.text("______________________", { after: 0 });
  await layout.text(cardholder.name || cardholder.email, { after: 0 });
  await layout.text(t("cardEnding", { last4: four }), { muted: true });
}

async function record(
  layout: Layout,
  data: DisputePackData,
  t: Translate,
  d: Translate,
  f: Pick<Formats, "money" | "locale"> & { instant: (at: Date) => string },
) {
  const s = data.subscription;
  await layout.newPage();
  await layout.heading(t("recordTitle"), 16);
  await layout.row(t("provider"), s.provider);
  if (s.plan) await layout.row(t("plan"), s.plan);
  await layout.row(
    t("price"),
    `${f.money(s.amount, s.currency)} ${d(`perCycle.${s.billingCycle}`)}`,
  );
  const account = maskAccountRef(s.accountRef);
  if (account) await layout.row(t("accountRef"), account);
  await layout.row(t("opened"), f.instant(data.openedAt));
  await layout.row(
    t("confirmedAt"),
    data.confirmedAt ? f.instant(data.confirmedAt) : t("notConfirmed"),
  );
  await layout.row(t("confirmationNumber"), data.confirmationNumber ?? t("noConfirmationNumber"));

  await layout.heading(t("timeline"));
  for (const event of data.events) {
    const move = event.from
      ? `${d(`state.${event.from}`)} → ${d(`state.${event.to}`)}`
      : d(`state.${event.to}`);
    await layout.row(
      f.instant(event.at),
      [event.skipped ? `${move} ${t("skipped")}` : move, event.comment].filter(Boolean).join("\n"),
      130,
    );
  }

  await layout.heading(t("contactLog"));
  if (data.notes.length === 0) await layout.text(t("noNotes"), { muted: true });
  for (const note of data.notes) {
    await layout.rule();
    await layout.text(
      `${f.instant(note.occurredAt)}${t("separator")}${d(`channel.${note.channel}`)}`,
      {
        bold: true,
        after: 2,
      },
    );
    if (note.agent) await layout.row(t("agent"), note.agent, 110);
    if (note.reference) await layout.row(t("reference"), note.reference, 110);
    if (note.durationMinutes) {
      await layout.row(t("duration"), t("minutes", { count: note.durationMinutes }), 110);
    }
    await layout.text(note.summary, { after: 2 });
    if (note.outcome) await layout.row(t("outcome"), note.outcome, 110);
  }

  await layout.heading(t("receiptsTitle"));
  if (data.receipts.length === 0) await layout.text(t("noReceipts"), { muted: true });
  for (const [index, receipt] of data.receipts.entries()) {
    await layout.rule();
    await layout.text(`${index + 1}. ${receipt.fileName}`, { bold: true, after: 2 });
    await layout.row(t("kind"), d(`kind.${receipt.kind}`), 110);
    await layout.row(t("uploaded"), f.instant(receipt.uploadedAt), 110);
    await layout.row(t("size"), formatBytes(receipt.size, f.locale), 110);
    await layout.row("SHA-256", receipt.sha256, 110);
  }
}

async function receiptPages(
  layout: Layout,
  doc: PDFDocument,
  receipt: PackReceipt,
  text: Awaited<ReturnType<typeof receiptText>>,
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
