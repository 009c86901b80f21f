// A subscription's merchant patterns, as pure rules with no imports: which
// patterns a subscription starts with, which are usable, and which statement
// line a pattern matches. Kept apart from ./charges so the subscription form
// loads these few lines, not the date rules the charge rules need.

/** "TMOBILE*AUTO PAY 800-937-8997 WA" → "TMOBILE AUTO PAY 800 937 8997 WA": letters and digits, single spaces. */
export function normalizeDescription(text: string): string {
  return text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export const PATTERN_MIN_LENGTH = 3;
export const PATTERN_MAX_LENGTH = 60;
export const PATTERNS_MAX = 10;

/** Whether a pattern is specific enough to use (a pattern "A" would match every statement line). */
export function isUsablePattern(pattern: string): boolean {
  const normalized = normalizeDescription(pattern);
  return (
    normalized.replace(/ /g, "").length >= PATTERN_MIN_LENGTH &&
    pattern.length <= PATTERN_MAX_LENGTH
  );
}

/**
 * The patterns a new subscription starts with: its provider's name, and the
 * name run together, since card descriptors often drop the spaces
 * ("Mint Mobile" → "MINT MOBILE", "MINTMOBILE").
 */
export function defaultPatterns(provider: string): string[] {
  const words = normalizeDescription(provider);
  const joined = words.replace(/ /g, "");
  return [...new Set([words, joined])].filter(isUsablePattern);
}

/** A pattern matches whole words of the description: "MINT" is not found in "MINTED". */
export function matchesPattern(description: string, pattern: string): boolean {
  const needle = normalizeDescription(pattern);
  if (!needle) return false;
  return ` ${normalizeDescription(description)} `.includes(` ${needle} `);
}

export function matchesAny(description: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesPattern(description, pattern));
}

/** A subscription's patterns as stored (newline-separated), or its defaults. */
export function patternsOf(stored: string | null, provider: string): string[] {
  if (stored === null) return defaultPatterns(provider);
  return stored.split("\n").filter(isUsablePattern);
}

/**
 * Which subscription a statement line belongs to: the one with the longest
 * matching pattern ("T MOBILE HOME INTERNET" over "T MOBILE"), or null.
 */
export function matchSubscription(
  description: string,
  subscriptions: readonly { id: string; patterns: readonly string[] }[],
): string | null {
  let best: { id: string; length: number } | null = null;
  for (const subscription of subscriptions) {
    for (const pattern of subscription.patterns) {
      const length = normalizeDescription(pattern).length;
      if ((!best || length > best.length) && matchesPattern(description, pattern)) {
        best = { id: subscription.id, length };
      }
    }
  }
  return best?.id ?? null;
}
