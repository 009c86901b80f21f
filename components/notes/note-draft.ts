// A note being written is kept in this browser's localStorage until it is
// saved, so a reload, a lost connection or a crashed tab does not lose it.
// Drafts are removed when the note is saved, when the user cancels it, and
// when they log out (a shared computer keeps nobody's notes). Where they are
// kept, and whether one is waiting, is ./draft-store's.

import type { NoteFormValues } from "./note-form";
import { DRAFT_PREFIX, draftStorage, hasWriting, storedDraft } from "./draft-store";

const FIELDS = [
  "channel",
  "occurredAt",
  "agent",
  "reference",
  "durationMinutes",
  "summary",
  "outcome",
  "followUpOn",
  "failureReason",
] as const satisfies readonly (keyof NoteFormValues)[];

export function readDraft(key: string): NoteFormValues | null {
  const record = storedDraft(key);
  if (!record || !hasWriting(record)) return null;
  return Object.fromEntries(
    FIELDS.map((name) => [name, typeof record[name] === "string" ? record[name] : ""]),
  ) as NoteFormValues;
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
    draftStorage()?.setItem(key, JSON.stringify(values));
  } catch {
    // Full or disabled storage: the form itself still holds the text.
  }
}

export function clearDraft(key: string): void {
  try {
    draftStorage()?.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** On logout: every note draft this browser holds. */
export function clearAllDrafts(): void {
  const store = draftStorage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) if (key.startsWith(DRAFT_PREFIX)) store.removeItem(key);
  } catch {
    // as above
  }
}
