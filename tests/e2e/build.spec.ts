import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The chunk dedupe on the build this run serves (npm start built it into
// .next before the server came up), not on an imitation of one.
type Dedupe = {
  CHECKED_AGAINST_NEXT: string;
  dedupeServerChunks: (serverDir: string) => { copies: number; bytes: number };
  duplicateGroups: (serverDir: string) => { name: string; bytes: number }[][];
  jsFiles: (dir: string) => string[];
};
const load = async () =>
  (await import(path.resolve("scripts/dedupe-chunks.mjs") as string)) as Dedupe;
const serverDir = path.resolve(".next", "server");

test("the chunk dedupe was checked against the Next.js that is installed", async () => {
  const { CHECKED_AGAINST_NEXT } = await load();
  const installed = JSON.parse(fs.readFileSync("node_modules/next/package.json", "utf8")) as {
    version: string;
  };
  // On another version, check Turbopack's server/chunks layout again, then update the constant.
  expect(installed.version).toBe(CHECKED_AGAINST_NEXT);
});

test("no server file of the real build loads a folded copy of a chunk", async ({ request }) => {
  // The server is up, so the build is complete.
  expect((await request.get("/login")).status()).toBe(200);
  const { duplicateGroups, jsFiles } = await load();
  const folded = new Set(
    duplicateGroups(serverDir).flatMap((group) =>
      group
        .map((chunk) => chunk.name)
        .sort()
        .slice(1),
    ),
  );
  const references = new Map<string, number>();
  let chunkReferences = 0;
  for (const file of jsFiles(serverDir)) {
    for (const [, name] of fs
      .readFileSync(file, "utf8")
      .matchAll(/"(server\/chunks\/[^"]+\.js)"/g)) {
      chunkReferences++;
      if (folded.has(name!)) references.set(name!, (references.get(name!) ?? 0) + 1);
    }
  }
  // The layout dedupe-chunks.mjs reads is the one this build has, and it had
  // copies to fold: they stay on disk (a reference the dedupe missed still loads).
  expect(chunkReferences).toBeGreaterThan(0);
  expect(folded.size).toBeGreaterThan(0);
  expect(Object.fromEntries(references)).toEqual({});
});

test("the dedupe run again on a copy of the real build changes no file", async ({ request }) => {
  expect((await request.get("/login")).status()).toBe(200);
  const { dedupeServerChunks, jsFiles } = await load();
  // A chunk that became the same as another only once both named one copy is
  // folded too (the build ran it to a fixed point), so nothing is left to change.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "cc-built-server-"));
  try {
    fs.cpSync(serverDir, copy, { recursive: true });
    dedupeServerChunks(copy);
    const changed = jsFiles(serverDir)
      .map((file) => path.relative(serverDir, file))
      .filter(
        (name) =>
          fs.readFileSync(path.join(copy, name), "utf8") !==
          fs.readFileSync(path.join(serverDir, name), "utf8"),
      );
    expect(changed).toEqual([]);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test("every server file of the real build is Latin-1 source (scripts/latin1-chunks.mjs)", async ({
  request,
}) => {
  // The server is up and serves the rewritten files: they parse and run.
  expect((await request.get("/login")).status()).toBe(200);
  const { jsFiles } = await load();
  const { latin1Source } = (await import(path.resolve("scripts/latin1-chunks.mjs") as string)) as {
    latin1Source: (text: string) => string | null;
  };
  // null: nothing past Latin-1 is left (or a line separator kept the file as built).
  const left = jsFiles(serverDir).filter(
    (file) => latin1Source(fs.readFileSync(file, "utf8")) !== null,
  );
  expect(left.map((file) => path.relative(serverDir, file))).toEqual([]);
});
