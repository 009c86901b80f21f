// A note being written is kept in this browser's localStorage until it is
// saved, so a reload, a lost connection or a crashed tab does not lose it.
// Drafts are removed when the note is saved, when the user cancels it, and
// when they log out (a shared computer keeps nobody's notes).

import type { NoteFormValues } from "./note-form";

const PREFIX = "cancelcase:note-draft:";

const FIELDS = [
  "channel",
  "occurredAt",
  "agent",
  "reference",
  "durationMinutes",
  "summary",
  "outcome",
  "followUpOn",
] as const satisfies readonly (keyof NoteFormValues)[];

/** The draft of a new note on a case, or of an edit to one note. */
export function draftKey(caseId: string, noteId?: string): string {
  return noteId ? `${PREFIX}note:${noteId}` : `${PREFIX}case:${caseId}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function readDraft(key: string): NoteFormValues | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object") return null;
    const record = parsed as Record<string, unknown>;
    const values = Object.fromEntries(
      FIELDS.map((name) => [name, typeof record[name] === "string" ? record[name] : ""]),
    ) as NoteFormValues;
    return values.summary || values.agent || values.reference || values.outcome ? values : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, form: HTMLFormElement): void {
  const data = new FormData(form);
  const values = Object.fromEntries(
    FIELDS.map((name) => {
      const value = data.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
  try {
    storage()?.setItem(key, JSON.stringify(values));
  } catch {
    // Full or disabled storage: the form itself still holds the text.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** On logout: every note draft this browser holds. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
  } catch {
    // as above
  }
}

/** For useSyncExternalStore: drafts change in this tab only through the form. */
export const noDraftEvents = () => () => {};

export function hasDraft(key: string): boolean {
  return readDraft(key) !== null;
}
