// Where note drafts live (this browser's localStorage, see ./note-draft) and
// whether one is waiting: all the case page needs before the note form is
// opened, so the page loads these lines and not the form's draft code.

export const DRAFT_PREFIX = "cancelcase:note-draft:";

/** The draft of a new note on a case, or of an edit to one note. */
export function draftKey(caseId: string, noteId?: string): string {
  return noteId ? `${DRAFT_PREFIX}note:${noteId}` : `${DRAFT_PREFIX}case:${caseId}`;
}

export function draftStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

/** The fields a draft is kept for: one of them holds text the user typed. */
export function hasWriting(record: Record<string, unknown>): boolean {
  return ["summary", "agent", "reference", "outcome"].some(
    (name) => typeof record[name] === "string" && record[name] !== "",
  );
}

/** The stored draft under `key`, parsed; null when there is none or it is not an object. */
export function storedDraft(key: string): Record<string, unknown> | null {
  try {
    const raw = draftStorage()?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function hasDraft(key: string): boolean {
  const record = storedDraft(key);
  return record !== null && hasWriting(record);
}

/** For useSyncExternalStore: drafts change in this tab only through the form. */
export const noDraftEvents = () => () => {};
