/**
 * The part of a long text around the first place `q` occurs (case-insensitive),
 * at most `width` characters, with "…" where it was cut; the text's start
 * when `q` is not in it.
 */
export function snippetAround(text: string, q: string, width = 160): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  if (chars.length <= width) return chars.join("");
  const flat = chars.join("");
  const at = flat.toLowerCase().indexOf(q.toLowerCase());
  // The match's position in characters (code points), not UTF-16 units.
  const index = at < 0 ? 0 : [...flat.slice(0, at)].length;
  const start = Math.max(0, Math.min(index - Math.floor(width / 3), chars.length - width));
  const end = start + width;
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
}
