// Which playbook a provider name, or a statement line, belongs to. Pure and
// small, with no Node APIs: the subscription form runs it in the browser as
// the user types, the server on every create and import.
import {
  isUsablePattern,
  matchesPattern,
  normalizeDescription,
} from "@/lib/domain/merchant-patterns";
import type { Playbook } from "./schema";

/** What matching needs of a playbook: what the form is sent of each. */
export type PlaybookNames = Pick<Playbook, "slug" | "name" | "aliases" | "descriptors">;

const compact = (text: string) => text.replace(/ /g, "");

/**
 * The playbook a provider name (or a statement line) belongs to, or null:
 * a name or alias equal to it ("mint mobile", "MintMobile"), else the
 * longest name, alias or statement descriptor found in it as whole words
 * ("Mint Mobile Unlimited" → mint-mobile; "TMOBILE*AUTO PAY 800…" → t-mobile).
 */
export function matchPlaybook(text: string, library: Iterable<PlaybookNames>): string | null {
  const normalized = normalizeDescription(text);
  if (normalized === "") return null;
  let best: { slug: string; length: number } | null = null;
  for (const playbook of library) {
    const names = [playbook.name, ...playbook.aliases].map(normalizeDescription);
    if (names.some((name) => name !== "" && compact(name) === compact(normalized))) {
      return playbook.slug;
    }
    for (const key of [...names, ...playbook.descriptors.map(normalizeDescription)]) {
      // A name too short to be specific ("O2") matches only when it is the whole name.
      if (!isUsablePattern(key) || !matchesPattern(normalized, key)) continue;
      if (!best || key.length > best.length) best = { slug: playbook.slug, length: key.length };
    }
  }
  return best?.slug ?? null;
}
