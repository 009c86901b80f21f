import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { StreamingPdf } from "./pdf-stream";

// Text on US Letter pages for the dispute pack: wrapped paragraphs (Latin
// words kept whole, Chinese broken between any two characters), headings,
// label/value rows, and a footer on every page. A new page first writes out
// the finished ones (StreamingPdf.flush), so memory does not grow with the
// length of the record.

export const PAGE = { width: 612, height: 792, margin: 54 } as const;
const BOTTOM = PAGE.margin + 24;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export type Fonts = { regular: PDFFont; bold: PDFFont };

const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.38, 0.42, 0.48);

/** Characters a line may break between without a space: CJK ideographs, kana, full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Control characters (tabs, carriage returns, zero-width marks) become spaces or vanish. */
export function printable(text: string): string {
  return text
    .replace(/\t/g, "    ")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, "");
}

/** Lines of at most `width` points: greedy, breaking long words by character. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split("\n")) {
    const tokens = paragraph.match(
      /\s+|[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/gu,
    ) ?? [""];
    let line = "";
    const measure = (s: string) => font.widthOfTextAtSize(s, size);
    for (const token of tokens) {
      const next = line + token;
      if (measure(next) <= width || line === "") {
        if (measure(token) > width && !/^\s+$/.test(token) && !CJK.test(token)) {
          // A word longer than the line (a URL, a hash): cut it by character.
          for (const char of token) {
            if (measure(line + char) > width && line) {
              lines.push(line);
              line = "";
            }
            line += char;
          }
        } else line = next;
        continue;
      }
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? "" : token;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export class Layout {
  page: PDFPage | null = null;
  y = 0;
  private pages = 0;

  constructor(
    private readonly pdf: StreamingPdf,
    readonly fonts: Fonts,
    /** The footer of page n; `caption` names a receipt's own page. */
    private readonly footer: (page: number, caption?: string) => string,
  ) {}

  /** Writes out everything finished so far and starts a page. */
  async newPage(): Promise<PDFPage> {
    await this.pdf.flush();
    this.page = this.pdf.doc.addPage([PAGE.width, PAGE.height]);
    this.pages += 1;
    this.stamp(this.page, this.footer(this.pages));
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  /** Counts a page added by someone else (a receipt's own PDF pages). */
  counted(page: PDFPage, caption: string): void {
    this.pages += 1;
    this.stamp(page, this.footer(this.pages, caption));
    this.page = null;
  }

  private stamp(page: PDFPage, text: string) {
    const size = 7;
    const line = wrap(text, this.fonts.regular, size, TEXT_WIDTH)[0] ?? "";
    page.drawText(line, {
      x: PAGE.margin,
      y: PAGE.margin / 2,
      size,
      font: this.fonts.regular,
      color: MUTED,
    });
  }

  /** Room for `height` points on this page, or a new page. */
  async room(height: number): Promise<PDFPage> {
    if (!this.page || this.y - height < BOTTOM) return this.newPage();
    return this.page;
  }

  async text(
    content: string,
    options: {
      size?: number;
      bold?: boolean;
      muted?: boolean;
      indent?: number;
      after?: number;
    } = {},
  ): Promise<void> {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const leading = size * 1.45;
    for (const line of wrap(content, font, size, TEXT_WIDTH - indent)) {
      const page = await this.room(leading);
      this.y -= leading;
      if (line) {
        page.drawText(line, {
          x: PAGE.margin + indent,
          y: this.y + size * 0.3,
          size,
          font,
          color: options.muted ? MUTED : INK,
        });
      }
    }
    this.y -= options.after ?? 4;
  }

  async heading(content: string, size = 14): Promise<void> {
    await this.room(size * 3);
    this.y -= size * 0.6;
    await this.text(content, { size, bold: true, after: 6 });
  }

  /** Label and value side by side; the value wraps under itself. */
  async row(label: string, value: string, labelWidth = 150): Promise<void> {
    const size = 10;
    const leading = size * 1.45;
    const lines = wrap(value, this.fonts.regular, size, TEXT_WIDTH - labelWidth);
    for (const [index, line] of lines.entries()) {
      const page = await this.room(leading);
      this.y -= leading;
      if (index === 0) {
        page.drawText(wrap(label, this.fonts.bold, size, labelWidth - 8)[0] ?? "", {
          x: PAGE.margin,
          y: this.y + size * 0.3,
          size,
          font: this.fonts.bold,
          color: INK,
        });
      }
      page.drawText(line, {
        x: PAGE.margin + labelWidth,
        y: this.y + size * 0.3,
        size,
        font: this.fonts.regular,
        color: INK,
      });
    }
    this.y -= 2;
  }

  async gap(points = 8): Promise<void> {
    this.y -= points;
  }

  async rule(): Promise<void> {
    const page = await this.room(12);
    this.y -= 6;
    page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.width - PAGE.margin, y: this.y },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 6;
  }
}
