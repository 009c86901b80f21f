import { pbkdf2 } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { imageSize, pdfInflatesWithin } from "@/lib/workers/file-limits";
import { hugePng, pdfBomb } from "../support/hostile-files";

const MiB = 1024 * 1024;

describe("caps read from a file's bytes", () => {
  it("reads an image's size from its header", () => {
    expect(imageSize(fs.readFileSync("public/icons/icon-512.png"))).toEqual({
      width: 512,
      height: 512,
    });
    expect(imageSize(hugePng(6300))).toEqual({ width: 6300, height: 6300 });
    expect(imageSize(fs.readFileSync("tests/fixtures/hostile/png_decompression_dos.png"))).toEqual({
      width: 1,
      height: 1,
    });
    expect(imageSize(Buffer.from("not an image at all, just text"))).toBeNull();
  });

  it("counts a PDF's twice-deflated object stream past the budget, and a small one within", async () => {
    expect(await pdfInflatesWithin(pdfBomb(256 * MiB), 64 * MiB)).toBe(false);
    expect(await pdfInflatesWithin(pdfBomb(1 * MiB), 64 * MiB)).toBe(true);
  });

  it("counts without queueing on libuv's thread pool, which the serving thread compresses pages on", async () => {
    // Four long key derivations hold the pool's four threads. Counting that went through
    // zlib's streams would wait behind them; counting on the calling thread finishes first.
    const bomb = pdfBomb(256 * MiB);
    const order: string[] = [];
    const busy = Array.from(
      { length: 4 },
      () =>
        new Promise<void>((resolve) =>
          pbkdf2("x", "y", 800_000, 64, "sha512", () => {
            order.push("pool");
            resolve();
          }),
        ),
    );
    const counted = pdfInflatesWithin(bomb, 64 * MiB).then((within) => {
      order.push("counted");
      return within;
    });
    expect(await counted).toBe(false);
    await Promise.all(busy);
    expect(order[0]).toBe("counted");
  }, 60_000);
});
