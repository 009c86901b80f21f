import "server-only";
import fontkit from "@pdf-lib/fontkit";
import type { Writable } from "node:stream";
import { PDFDocument } from "pdf-lib";
import type { Letter } from "@/lib/domain/letters";
import { runFileJob } from "@/lib/workers/pool";
import { Layout, type Fonts } from "./pdf-layout";
import { StreamingPdf } from "./pdf-stream";

// A letter as a PDF: the same text as the .txt, set on US Letter pages with
// the dispute pack's fonts (Noto Sans SC, cut down in the worker pool to the
// characters used, so the Chinese version renders; see ./dispute-pack.ts).

const ASCII = (() => {
  let chars = "•·–—→“”‘’…：，。、；（）";
  for (let code = 0x20; code < 0x7f; code++) chars += String.fromCharCode(code);
  return chars;
})();

/** The fonts for `text`, subset off the serving thread. */
export async function letterFonts(doc: PDFDocument, text: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const fonts = await runFileJob({ kind: "pack-fonts", text: [...new Set(text + ASCII)].join("") });
  return {
    regular: await doc.embedFont(fonts.regular, { subset: false }),
    bold: await doc.embedFont(fonts.bold, { subset: false }),
  };
}

/** One letter on new pages of `layout`: its title in bold, each paragraph as written. */
export async function letterPages(layout: Layout, letter: Letter): Promise<void> {
  await layout.newPage();
  for (const block of letter.text.trimEnd().split("\n\n")) {
    await layout.text(block, {
      bold: block === letter.title,
      size: block === letter.title ? 11 : 10,
      after: 10,
    });
  }
}

/** Writes the letter's PDF to `out`; resolves when the file is complete. */
export async function writeLetterPdf(letter: Letter, now: Date, out: Writable): Promise<void> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(letter.title);
  doc.setCreator("CancelCase");
  doc.setProducer("CancelCase (pdf-lib)");
  doc.setCreationDate(now);
  const fonts = await letterFonts(doc, letter.text);
  const pdf = new StreamingPdf(doc, out);
  const layout = new Layout(pdf, fonts, (page) => (page > 1 ? String(page) : ""));
  await letterPages(layout, letter);
  await pdf.finish();
}
