import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The chunk dedupe on the build this run serves (npm start built it into
// .next before the server came up), not on an imitation of one.
type Dedupe = {
  CHECKED_AGAINST_NEXT: string;
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
  // The layout dedupe-chunks.mjs reads is the one this build has.
  expect(chunkReferences).toBeGreaterThan(0);
  expect(Object.fromEntries(references)).toEqual({});
});
