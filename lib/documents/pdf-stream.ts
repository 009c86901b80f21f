import type { Writable } from "node:stream";
import {
  PDFCrossRefSection,
  PDFDocument,
  PDFHeader,
  PDFName,
  PDFPageLeaf,
  PDFRef,
  PDFTrailer,
  PDFTrailerDict,
  type PDFObject,
} from "pdf-lib";

// pdf-lib builds a whole document in memory and writes it at the end: a pack
// of 50 photographed receipts would hold every image at once. This writer
// streams instead. Between pages, every finished object (a page, its
// content, an image, a receipt's copied pages) is written out and dropped
// from pdf-lib's object table; what can still change (the catalog, the page
// tree and its page dictionaries, the info dictionary and the fonts, which
// are embedded at the end) is written last, then the cross-reference table. The output is a plain
// PDF 1.7 file with a classic xref table.

const encoder = new TextEncoder();

export class StreamingPdf {
  private offset = 0;
  private readonly offsets = new Map<number, number>();
  private started = false;

  constructor(
    readonly doc: PDFDocument,
    private readonly out: Writable,
  ) {}

  private async write(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          this.out.off("drain", done);
          this.out.off("error", done);
          this.out.off("close", closed);
          if (error) reject(error);
          else resolve();
        };
        const closed = () => done(new Error("the reader went away"));
        this.out.once("drain", () => done());
        this.out.once("error", done);
        this.out.once("close", closed);
      });
    }
  }

  private async header(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const header = PDFHeader.forVersion(1, 7);
    const bytes = new Uint8Array(header.sizeInBytes());
    header.copyBytesInto(bytes, 0);
    await this.write(bytes);
    await this.write(encoder.encode("\n\n"));
  }

  private async writeObject(ref: PDFRef, object: PDFObject): Promise<void> {
    this.offsets.set(ref.objectNumber, this.offset);
    await this.write(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    await this.write(bytes);
    await this.write(encoder.encode("\nendobj\n\n"));
  }

  /** The objects that may still change until the end. */
  private kept(): Set<PDFRef> {
    const { context, catalog } = this.doc;
    const kept = new Set<PDFRef>([catalog.get(PDFName.of("Pages")) as PDFRef]);
    // pdf-lib makes the "q" and "Q" streams that wrap a page's contents once per document
    // and reuses their refs (an embedded page's form, drawn after a flush, looks them up again).
    const cached = context as unknown as {
      pushGraphicsStateContentStreamRef?: PDFRef;
      popGraphicsStateContentStreamRef?: PDFRef;
    };
    for (const ref of [
      context.trailerInfo.Root,
      context.trailerInfo.Info,
      cached.pushGraphicsStateContentStreamRef,
      cached.popGraphicsStateContentStreamRef,
    ]) {
      if (ref) kept.add(ref as PDFRef);
    }
    return kept;
  }

  /**
   * Writes every finished object and forgets it. Call it only when no page
   * drawn so far will be drawn on again (before starting the next one).
   */
  async flush(): Promise<void> {
    await this.header();
    const kept = this.kept();
    for (const [ref, object] of this.doc.context.enumerateIndirectObjects()) {
      // Page dictionaries stay (a few hundred bytes each): pdf-lib reads them to add the next page.
      if (kept.has(ref) || object instanceof PDFPageLeaf) continue;
      await this.writeObject(ref, object);
      this.doc.context.delete(ref);
    }
  }

  /** Embeds the fonts, writes what is left, the xref table and the trailer; ends the stream. */
  async finish(): Promise<void> {
    await this.doc.flush();
    await this.header();
    for (const [ref, object] of this.doc.context.enumerateIndirectObjects()) {
      await this.writeObject(ref, object);
      this.doc.context.delete(ref);
    }
    const { context } = this.doc;
    const xref = PDFCrossRefSection.create();
    const size = context.largestObjectNumber + 1;
    for (let number = 1; number < size; number++) {
      const at = this.offsets.get(number);
      if (at !== undefined) xref.addEntry(PDFRef.of(number, 0), at);
    }
    const xrefOffset = this.offset;
    await this.write(bytesOf(xref));
    await this.write(encoder.encode("\n"));
    const trailerDict = PDFTrailerDict.of(
      context.obj({
        Size: size,
        Root: context.trailerInfo.Root,
        Info: context.trailerInfo.Info,
      }),
    );
    await this.write(bytesOf(trailerDict));
    await this.write(encoder.encode("\n\n"));
    await this.write(bytesOf(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset)));
    await new Promise<void>((resolve) => this.out.end(resolve));
  }
}

function bytesOf(item: { sizeInBytes(): number; copyBytesInto(b: Uint8Array, o: number): number }) {
  const bytes = new Uint8Array(item.sizeInBytes());
  item.copyBytesInto(bytes, 0);
  return bytes;
}
