// The playbook library: every playbooks/<slug>.json, read and validated once
// per process. A file that fails the schema stops the library from loading
// (CI's tests/unit/playbooks.test.ts catches it first), so a half-right
// playbook is never shown to a user.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { loadPlaybookFiles } from "./load";
import type { Playbook } from "./schema";

export const PLAYBOOK_DIR = "playbooks";

let cache: ReadonlyMap<string, Playbook> | null = null;

/** All playbooks by slug. */
export function playbookLibrary(): ReadonlyMap<string, Playbook> {
  if (cache === null) {
    const dir = path.join(/* turbopackIgnore: true */ process.cwd(), PLAYBOOK_DIR);
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));
    cache = loadPlaybookFiles(files);
  }
  return cache;
}

export function getPlaybook(slug: string): Playbook | null {
  return playbookLibrary().get(slug) ?? null;
}
