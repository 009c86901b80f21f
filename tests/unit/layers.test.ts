import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The import directions ARCHITECTURE.md draws, read from the files
// themselves: a layer that reaches up is a loop waiting to happen.

const root = path.resolve(import.meta.dirname, "../..");
const IMPORT = /(?:from|import\()\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every lib/ folder a file under `dir` imports, as `lib/<folder>`. */
function importedLibFolders(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    for (const [, specifier] of readFileSync(path.join(root, file), "utf8").matchAll(IMPORT)) {
      const target = specifier!.startsWith("@/")
        ? specifier!.slice(2)
        : specifier!.startsWith(".")
          ? path.relative(root, path.resolve(root, path.dirname(file), specifier!))
          : null;
      const folder = target?.match(/^lib\/[^/]+/)?.[0];
      if (folder && !folder.startsWith(dir)) {
        found.set(folder, [...(found.get(folder) ?? []), file]);
      }
    }
  }
  return found;
}

describe("layers", () => {
  it("lib/crypto imports nothing of the app but its settings", () => {
    const imported = importedLibFolders("lib/crypto");
    imported.delete("lib/config");
    expect(Object.fromEntries(imported)).toEqual({});
  });

  it("lib/config, which everything may read, imports nothing of the app", () => {
    expect(Object.fromEntries(importedLibFolders("lib/config"))).toEqual({});
  });

  it("lib/data imports nothing above it", () => {
    const above = ["auth", "actions", "http", "mail", "notifications", "push", "services"];
    const imported = importedLibFolders("lib/data");
    const offending = above.map((name) => `lib/${name}`).filter((folder) => imported.has(folder));
    expect(offending.map((folder) => [folder, imported.get(folder)])).toEqual([]);
  });

  it("only the faces call lib/services: nothing it calls imports it or a face", () => {
    const below = [
      "auth",
      "config",
      "crypto",
      "data",
      "db",
      "documents",
      "domain",
      "errors",
      "i18n",
      "mail",
      "net",
      "notifications",
      "push",
      "shared-counters",
      "storage",
      "validation",
      "workers",
    ];
    const offending = below.flatMap((name) => {
      const imported = importedLibFolders(`lib/${name}`);
      return ["lib/services", "lib/actions", "lib/http"]
        .filter((folder) => imported.has(folder))
        .map((folder) => [`lib/${name}`, folder, imported.get(folder)]);
    });
    expect(offending).toEqual([]);
  });

  it("lib/mail does not import the reminder machine (it takes rendered text)", () => {
    expect(importedLibFolders("lib/mail").get("lib/notifications")).toBeUndefined();
  });
});
