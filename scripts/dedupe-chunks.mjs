// Turbopack (Next.js 16.4) writes some server chunks several times over under
// different names: here one 754 KB chunk (zod, jose, the data layer) eleven
// times, each copy used by a few route handlers. The copies are byte for byte
// the same but for their source-map comment, yet every copy a route loads is
// another file Node.js reads and keeps: 14 MiB of source text in each worker
// once every route has run. After the build, every reference to a copy is
// pointed at one of them, so the chunk is loaded once. The copies stay on disk
// (a reference this misses still works, it only costs the memory it did).
//
// It reads Turbopack's private layout (server/chunks/*.js, referenced by
// "server/chunks/…js" strings), checked against one Next.js version:
// tests/e2e/build.spec.ts fails on another version, and checks on the e2e
// run's real build that no route still loads a folded copy.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The Next.js version this was checked against (the layout is not a public API). */
export const CHECKED_AGAINST_NEXT = "16.4.6";

const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

export function jsFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(full));
    else if (entry.name.endsWith(".js")) out.push(full);
  }
  return out;
}

/** Chunk paths as the runtime names them ("server/chunks/x.js") grouped by content, where a content has several. */
export function duplicateGroups(serverDir) {
  const byContent = new Map();
  const chunksDir = path.join(serverDir, "chunks");
  for (const file of jsFiles(chunksDir)) {
    const text = fs.readFileSync(file, "utf8").replace(MAP_COMMENT, "");
    const key = createHash("sha256").update(text).digest("hex");
    const name = path.posix.join(
      "server",
      path.relative(serverDir, file).split(path.sep).join("/"),
    );
    byContent.set(key, [...(byContent.get(key) ?? []), { name, bytes: Buffer.byteLength(text) }]);
  }
  return [...byContent.values()].filter((group) => group.length > 1);
}

/**
 * Points every reference to a duplicate server chunk at one copy (the first
 * by name), in every server JavaScript file, until no two chunks are the same.
 * Returns how many copies are no longer loaded and their size in bytes.
 */
export function dedupeServerChunks(serverDir) {
  const folded = new Map(); // copy → its size
  // Pointing references at one copy can make two other chunks the same (they
  // differed only in which copy they named): so again, until nothing changes.
  for (let round = 0; round < 10; round++) {
    const rename = new Map();
    for (const group of duplicateGroups(serverDir)) {
      const [keep, ...others] = group.map((c) => c.name).sort();
      for (const other of others) {
        rename.set(other, keep);
        if (!folded.has(other)) folded.set(other, group[0].bytes);
      }
    }
    let changed = false;
    for (const file of jsFiles(serverDir)) {
      const text = fs.readFileSync(file, "utf8");
      const next = text.replace(/"(server\/chunks\/[^"]+\.js)"/g, (whole, name) =>
        rename.has(name) ? `"${rename.get(name)}"` : whole,
      );
      if (next !== text) {
        fs.writeFileSync(file, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { copies: folded.size, bytes: [...folded.values()].reduce((a, b) => a + b, 0) };
}
