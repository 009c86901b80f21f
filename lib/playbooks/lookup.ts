// Finding playbooks: the search of the playbooks list and the match of a
// provider name (or a statement line) to one playbook. Pure: the library is
// passed in, so tests build their own and the server passes the loaded one.
// Names are compared as statement text is (normalizeDescription): case,
// punctuation and full-width forms do not matter.
import {
  isUsablePattern,
  matchesPattern,
  normalizeDescription,
} from "@/lib/domain/merchant-patterns";
import type { SubscriptionCategory } from "@/lib/domain/subscriptions";
import { PLAYBOOK_SLUG, type Playbook } from "./schema";

export const PLAYBOOK_QUERY_MAX = 100;
export const PLAYBOOK_PAGE_MAX = 100;

export type PlaybookSummary = {
  slug: string;
  name: string;
  category: SubscriptionCategory;
  difficulty: number;
  checkedOn: string;
};

export type PlaybookSearch = {
  q?: string;
  category?: SubscriptionCategory;
  cursor?: string;
  limit: number;
};

export class PlaybookCursorError extends Error {
  constructor() {
    super("The cursor is not one this list returned.");
    this.name = "PlaybookCursorError";
  }
}

const compact = (text: string) => text.replace(/ /g, "");

/** What a search box finds a playbook by: its name, aliases and statement descriptors. */
function searchKeys(playbook: Playbook): string[] {
  return [playbook.name, ...playbook.aliases, ...playbook.descriptors]
    .map(normalizeDescription)
    .filter((key) => key !== "");
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether `key` has `needle` starting at one of its words, spaces ignored:
 * "tmob" finds "T MOBILE" and "mobile" finds "MINT MOBILE", but "tmobile" is
 * not found inside "MINT MOBILE". Chinese has no spaces between words, so
 * there any part of the name will do.
 */
function startsAWord(key: string, needle: string): boolean {
  const joined = compact(needle);
  if (HAN.test(joined)) return compact(key).includes(joined);
  const words = key.split(" ");
  return words.some((_, index) => words.slice(index).join("").startsWith(joined));
}

/**
 * Whether a search finds the playbook: the start of a word of its name, an
 * alias or a descriptor ("mint" finds Mint Mobile, "tmobile" T-Mobile), or a
 * pasted statement line that holds one of them as whole words.
 */
export function playbookMatchesQuery(playbook: Playbook, q: string): boolean {
  const needle = normalizeDescription(q);
  if (needle === "") return true;
  return searchKeys(playbook).some(
    (key) => startsAWord(key, needle) || (isUsablePattern(key) && matchesPattern(needle, key)),
  );
}

/** The list's one order: by name as a reader sorts it, the slug settling ties. */
export function byName(a: Playbook, b: Playbook): number {
  const order = a.name.localeCompare(b.name, "en", { sensitivity: "base" });
  return order !== 0 ? order : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function toSummary(playbook: Playbook): PlaybookSummary {
  const { slug, name, category, difficulty, checkedOn } = playbook;
  return { slug, name, category, difficulty, checkedOn };
}

// The cursor names the last slug shown; the library is fixed while the
// server runs, so the next page starts right after it.
export function encodePlaybookCursor(slug: string): string {
  return Buffer.from(`pb:${slug}`, "utf8").toString("base64url");
}

function decodePlaybookCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const slug = decoded.startsWith("pb:") ? decoded.slice(3) : "";
  if (slug.length > 60 || !PLAYBOOK_SLUG.test(slug)) throw new PlaybookCursorError();
  return slug;
}

/** One page of the playbooks a search finds, in name order. */
export function searchPlaybooks(
  library: Iterable<Playbook>,
  search: PlaybookSearch,
): { items: PlaybookSummary[]; nextCursor: string | null } {
  const sorted = [...library].sort(byName);
  let start = 0;
  if (search.cursor) {
    const after = decodePlaybookCursor(search.cursor);
    const index = sorted.findIndex((playbook) => playbook.slug === after);
    if (index === -1) throw new PlaybookCursorError();
    start = index + 1;
  }
  const limit = Math.min(Math.max(1, search.limit), PLAYBOOK_PAGE_MAX);
  const found: Playbook[] = [];
  let more = false;
  for (const playbook of sorted.slice(start)) {
    if (search.category && playbook.category !== search.category) continue;
    if (search.q && !playbookMatchesQuery(playbook, search.q)) continue;
    if (found.length === limit) {
      more = true;
      break;
    }
    found.push(playbook);
  }
  const last = found.at(-1);
  return {
    items: found.map(toSummary),
    nextCursor: more && last ? encodePlaybookCursor(last.slug) : null,
  };
}

/**
 * The playbook a provider name (or a statement line) belongs to, or null:
 * a name or alias equal to it ("mint mobile", "MintMobile"), else the
 * longest name, alias or statement descriptor found in it as whole words
 * ("Mint Mobile Unlimited" → mint-mobile; "TMOBILE*AUTO PAY 800…" → t-mobile).
 */
export function matchPlaybook(text: string, library: Iterable<Playbook>): string | null {
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
