import { inflateSync } from "node:zlib";

// Caps read from a file's own bytes before anything decodes it: an image's
// width and height from its header, and how far a PDF's deflated streams
// inflate, counted one stream at a time (no more than the budget held). A few hundred bytes on the
// wire can stand for 256 MiB of PDF objects or 159 MB of pixels.

/** Width and height from a PNG, JPEG or WebP header; null when the header cannot be read. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number) => bytes[i] ?? 0;
  // PNG: the signature, then IHDR's width and height.
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + view.getUint16(i + 2);
    }
    return null;
  }
  // WebP: RIFF….WEBP and one of its three headers.
  if (bytes.length >= 30 && view.getUint32(0) === 0x52494646 && view.getUint32(8) === 0x57454250) {
    const kind = String.fromCharCode(at(12), at(13), at(14), at(15));
    if (kind === "VP8 ") {
      return {
        width: view.getUint16(26, true) & 0x3fff,
        height: view.getUint16(28, true) & 0x3fff,
      };
    }
    if (kind === "VP8L") {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (kind === "VP8X") {
      const three = (i: number) => at(i) | (at(i + 1) << 8) | (at(i + 2) << 16);
      return { width: three(24) + 1, height: three(27) + 1 };
    }
  }
  return null;
}

/**
 * Bytes one deflated stream inflates to through `rounds` FlateDecode filters,
 * or more than `budget` once it is past it. zlib's synchronous call, bounded
 * by maxOutputLength: its asynchronous streams queue each 16 KiB chunk on
 * libuv's thread pool, which the whole process shares (the serving thread
 * compresses every page there), so 64 MiB counted that way made another
 * user's pages wait seconds.
 */
function inflatedSize(data: Uint8Array, rounds: number, budget: number): number {
  let input = data;
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    let output: Buffer;
    try {
      output = inflateSync(input, { maxOutputLength: Math.max(1, budget - total + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return budget + 1;
      // A damaged stream is the reader's to judge; what it would inflate to is unknown, so none.
      return total;
    }
    total += output.length;
    if (total > budget) return total;
    input = output;
  }
  return total;
}

/**
 * Whether every deflated stream of a PDF, together, inflates to at most
 * `budget` bytes. Streams are found by their keywords, the way a repairing
 * reader finds them; a stream filtered by something other than FlateDecode
 * first is left to the reader (pdf-lib decodes only Flate, LZW and the ASCII
 * filters, and only for object streams and its own page embedding).
 */
export async function pdfInflatesWithin(bytes: Uint8Array, budget: number): Promise<boolean> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let total = 0;
  let from = 0;
  for (;;) {
    const keyword = text.indexOf("stream", from);
    if (keyword < 0) return true;
    from = keyword + 6;
    if (text.startsWith("end", keyword - 3)) continue;
    const dictStart = text.lastIndexOf("obj", keyword);
    const dict = text.slice(dictStart < 0 ? Math.max(0, keyword - 4096) : dictStart, keyword);
    const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? "";
    const names = filter.match(/\/\w+/g) ?? [];
    let rounds = 0;
    while (names[rounds] === "/FlateDecode" || names[rounds] === "/Fl") rounds++;
    if (rounds === 0) continue;
    let start = keyword + 6;
    if (text[start] === "\r") start++;
    if (text[start] === "\n") start++;
    const end = text.indexOf("endstream", start);
    if (end < 0) return true;
    total += inflatedSize(bytes.subarray(start, end), rounds, budget - total);
    if (total > budget) return false;
    from = end + 9;
  }
}
