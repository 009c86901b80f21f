import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Libraries a serving worker keeps only once something needs them (issue 37):
// imported statically anywhere a page reaches, each cost every worker its
// heap (bench/memory.mjs). Each is imported with import() where it is used,
// or statically by one module that the rest of the app reaches only with
// import(). Types are free (`import type`).

const root = path.resolve(import.meta.dirname, "../..");

const LAZY: { library: RegExp; through: string | null }[] = [
  // lib/auth/webauthn-library.ts imports it with import().
  { library: /^@simplewebauthn\/server$/, through: null },
  { library: /^@aws-sdk\//, through: "lib/storage/s3.ts" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Static value imports and re-exports of a file: [specifier, resolved app path or null]. */
function staticImports(file: string): [string, string | null][] {
  const text = readFileSync(path.join(root, file), "utf8");
  const out: [string, string | null][] = [];
  for (const match of text.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm,
  )) {
    if (match[1]) continue; // import type
    const specifier = match[2]!;
    const target = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.relative(root, path.resolve(root, path.dirname(file), specifier))
        : null;
    out.push([specifier, target]);
  }
  return out;
}

const files = ["app", "components", "lib", "instrumentation.ts"].flatMap((entry) =>
  entry.endsWith(".ts") ? [entry] : sourceFiles(entry),
);

describe("libraries a serving worker loads only when needed", () => {
  for (const { library, through } of LAZY) {
    it(`${library.source}: ${through ?? "import()"} only`, () => {
      const gate = through?.replace(/\.ts$/, "");
      const offending = files.flatMap((file) =>
        staticImports(file)
          .filter(
            ([specifier, target]) =>
              (library.test(specifier) && file !== through) || target === gate,
          )
          .map(([specifier]) => `${file} imports ${specifier}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
