// The playbook library: every <slug>.json of PLAYBOOK_DIR (playbooks/ unless
// a test points it at its fixtures), read and validated once per process. A
// file that fails the schema stops the library from loading (CI's
// tests/unit/playbooks.test.ts catches it first), so a half-right playbook is
// never shown to a user.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { playbookDir } from "@/lib/config";
import { loadPlaybookFiles } from "./load";
import { matchPlaybook } from "./lookup";
import { PLAYBOOK_SLUG, type Playbook } from "./schema";

let cache: ReadonlyMap<string, Playbook> | null = null;

/** The playbooks of one folder, by slug (tests load their own). */
export function loadPlaybookLibrary(dir: string): ReadonlyMap<string, Playbook> {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));
  return loadPlaybookFiles(files);
}

/** All playbooks by slug. */
export function playbookLibrary(): ReadonlyMap<string, Playbook> {
  cache ??= loadPlaybookLibrary(
    path.resolve(/* turbopackIgnore: true */ process.cwd(), playbookDir()),
  );
  return cache;
}

/** A playbook by slug; a string that is not a slug is never looked up. */
export function getPlaybook(slug: string): Playbook | null {
  if (slug.length > 60 || !PLAYBOOK_SLUG.test(slug)) return null;
  return playbookLibrary().get(slug) ?? null;
}

/** The slug of the playbook a provider name or statement line belongs to, or null. */
export function playbookFor(text: string): string | null {
  return matchPlaybook(text, playbookLibrary().values());
}
