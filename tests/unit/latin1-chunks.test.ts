import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { latin1ServerChunks, latin1Source } from "@/scripts/latin1-chunks.mjs";

const LATIN1 = /^[\u0000-\u00ff]*$/;

/** What a script evaluates to, as JSON (regular expressions by what they match). */
function run(source: string): unknown {
  return JSON.parse(JSON.stringify(vm.runInNewContext(source)));
}

// Each evaluates to a value that shows how the characters were read.
const SAMPLES = [
  `"Loading…"`,
  `'⚠️ careful' + "—" + "é stays"`,
  "`template ${1 + 1} → “quoted”`",
  `"escaped: \\…" + '\\\\…'`,
  `"astral: 😀".length + "😀".codePointAt(0)`,
  `[/[…→]/.test("→"), /😀/u.test("😀"), /^.$/u.test("😀"), /[😀]/u.test("😀"), /\\…/.test("…")]`,
  `JSON.parse('{"text":"中文 ¥ ₩"}').text`,
  `(() => { const café = "ï"; const 价 = "格"; return café + 价; })()`,
  `// a comment … with ⚠ in it\n"after the comment"`,
  `/* block — comment */ ["€", "\\u20ac"]`,
];

describe("server chunks as Latin-1 source (scripts/latin1-chunks.mjs)", () => {
  it("escapes every character past Latin-1, and the code means the same", () => {
    for (const source of SAMPLES) {
      const rewritten = latin1Source(source);
      expect(rewritten, source).not.toBeNull();
      expect(rewritten, source).toMatch(LATIN1);
      expect(run(rewritten!), source).toEqual(run(source));
    }
  });

  it("leaves Latin-1 source, and source with a line separator, as it is", () => {
    expect(latin1Source(`"café, naïve"`)).toBeNull();
    // U+2028 ends a // comment; its escape would not, and the next line would join the comment.
    expect(latin1Source(`// note\u2028"…"`)).toBeNull();
  });

  it("rewrites the files of a build folder, and keeps one that would not parse", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-latin1-"));
    try {
      fs.mkdirSync(path.join(dir, "chunks"));
      const chunk = path.join(dir, "chunks", "a.js");
      const broken = path.join(dir, "chunks", "b.js");
      const plain = path.join(dir, "chunks", "c.js");
      fs.writeFileSync(chunk, `module.exports = "Loading…";`);
      fs.writeFileSync(broken, `module.exports = "…" +;`);
      fs.writeFileSync(plain, `module.exports = "plain";`);
      expect(latin1ServerChunks(dir)).toEqual({ files: 1, chars: expect.any(Number) });
      expect(fs.readFileSync(chunk, "utf8")).toBe(`module.exports = "Loading\\u2026";`);
      expect(fs.readFileSync(broken, "utf8")).toBe(`module.exports = "…" +;`);
      expect(fs.readFileSync(plain, "utf8")).toBe(`module.exports = "plain";`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
