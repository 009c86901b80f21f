import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

type Dedupe = {
  dedupeServerChunks: (serverDir: string) => { copies: number; bytes: number };
};
const load = async () => (await import("../../scripts/dedupe-chunks.mjs" as string)) as Dedupe;

let dir = "";
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A build's server folder, as Turbopack lays it out, from { "relative path": text }. */
function serverDir(files: Record<string, string>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-chunks-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const chunk = (body: string, self: string) =>
  `module.exports=[1,e=>{${body}}];\n\n//# sourceMappingURL=${self}.map`;
const route = (...chunks: string[]) =>
  chunks.map((c) => `R.c("server/chunks/${c}")`).join("\n") + "\nmodule.exports=R.m(1).exports";

describe("duplicate server chunks, after the build", () => {
  it("points every route at one copy of chunks that differ only in their source-map comment", async () => {
    const { dedupeServerChunks } = await load();
    const root = serverDir({
      "chunks/_a._.js": chunk("zod()", "_a._.js"),
      "chunks/_b._.js": chunk("zod()", "_b._.js"),
      "chunks/_c._.js": chunk("other()", "_c._.js"),
      "chunks/ssr/_d._.js": chunk('e.l("server/chunks/_b._.js")', "_d._.js"),
      "app/api/one/route.js": route("_a._.js", "_c._.js"),
      "app/api/two/route.js": route("_b._.js"),
    });
    const result = dedupeServerChunks(root);
    expect(result.copies).toBe(1);
    expect(result.bytes).toBe(Buffer.byteLength("module.exports=[1,e=>{zod()}];\n"));
    expect(read("app/api/two/route.js")).toBe(route("_a._.js"));
    expect(read("app/api/one/route.js")).toBe(route("_a._.js", "_c._.js"));
    expect(read("chunks/ssr/_d._.js")).toContain('e.l("server/chunks/_a._.js")');
    // The copy stays: a reference elsewhere still loads.
    expect(fs.existsSync(path.join(root, "chunks/_b._.js"))).toBe(true);
  });

  it("folds chunks that became the same once they name one copy", async () => {
    const { dedupeServerChunks } = await load();
    const root = serverDir({
      "chunks/_a._.js": chunk("zod()", "_a._.js"),
      "chunks/_b._.js": chunk("zod()", "_b._.js"),
      "chunks/_e._.js": chunk('e.l("server/chunks/_a._.js")', "_e._.js"),
      "chunks/_f._.js": chunk('e.l("server/chunks/_b._.js")', "_f._.js"),
      "app/one/page.js": route("_e._.js"),
      "app/two/page.js": route("_f._.js"),
    });
    expect(dedupeServerChunks(root).copies).toBe(2);
    expect(read("app/two/page.js")).toBe(route("_e._.js"));
  });

  it("changes nothing in a build without duplicates", async () => {
    const { dedupeServerChunks } = await load();
    const root = serverDir({
      "chunks/_a._.js": chunk("zod()", "_a._.js"),
      "app/api/one/route.js": route("_a._.js"),
    });
    expect(dedupeServerChunks(root)).toEqual({ copies: 0, bytes: 0 });
    expect(read("app/api/one/route.js")).toBe(route("_a._.js"));
  });
});
