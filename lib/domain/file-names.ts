// Names of the files the app hands out (a dispute pack, a letter): ASCII, so
// every browser and mail client shows the same name without encoding rules.

/** "Verizon Fios (1 Gig)" → "verizon-fios-1-gig"; at most 40 characters, `fallback` when nothing is left. */
export function asciiSlug(text: string, fallback: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_]+/g, "-")
      .toLowerCase()
      .slice(0, 40) || fallback
  );
}
