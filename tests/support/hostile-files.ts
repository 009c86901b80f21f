import { deflateSync } from "node:zlib";

// The files of issue 30's point 14, made on demand (never committed): each
// is small on the wire and huge, or slow, once read.

const MiB = 1024 * 1024;

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG of `side` × `side` transparent pixels (RGBA, 8 bits): 6300 px make
 * 159 MB of pixels that deflate to about 154 KB. Rows are deflated one at a
 * time into a single zlib stream, so making it takes little memory.
 */
export function hugePng(side = 6300): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(side * (1 + side * 4));
  const idat = deflateSync(raw, { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A PDF of a few hundred bytes whose one object stream, deflated twice
 * (`/Filter [/FlateDecode /FlateDecode]`), inflates to `inflated` bytes of
 * spaces (256 MiB by default). A reader that opens object streams (pdf-lib
 * does, on load) inflates all of it.
 */
export function pdfBomb(inflated = 256 * MiB): Buffer {
  const once = deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 });
  const twice = deflateSync(once, { level: 9 });
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (buffer: Buffer) => {
    parts.push(buffer);
    length += buffer.length;
  };
  objects.forEach((body, index) => {
    offsets.push(length);
    push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, "latin1"));
  });
  offsets.push(length);
  push(
    Buffer.from(
      `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${twice.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`,
      "latin1",
    ),
  );
  push(twice);
  push(Buffer.from("\nendstream\nendobj\n", "latin1"));
  const xref = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      "latin1",
    ),
  );
  return Buffer.concat(parts);
}

/** A card statement CSV of `lines` charges, each of a different merchant. */
export function bigStatementCsv(lines = 20_000): string {
  const rows = ["Date,Description,Amount"];
  for (let i = 0; i < lines; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    rows.push(
      `2026-11-${day},MERCHANT ${i} PURCHASE ${i % 97},-${((100 + (i % 5000)) / 100).toFixed(2)}`,
    );
  }
  return rows.join("\n") + "\n";
}

/** `count` subscriptions whose names all start with the same word ("APPLE 1", "APPLE 2"…). */
export function sharedFirstWordProviders(count = 5_000, word = "APPLE"): string[] {
  return Array.from({ length: count }, (_, i) => `${word} Service ${i + 1}`);
}
