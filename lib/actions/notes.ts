"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { addNote, deleteNote, updateNote } from "@/lib/data/notes";
import { todayIn, wallTimeToInstant } from "@/lib/domain/dates";
import { createNoteSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";
import { idField } from "@/lib/validation/fields";
import { formText, toActionState, type ActionState } from "./result";

function minutes(text: string | undefined): number | null {
  if (!text?.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : -1;
}

/** Creates a note on a case, or edits one when the form carries a noteId. */
export async function saveNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  let caseId: string | null = null;
  const noteId = formText(formData, "noteId");
  const state = await toActionState(async () => {
    caseId = parseInput(idField, formText(formData, "caseId"));
    // The form's clock time means the user's time zone, not the server's.
    const occurredAt = wallTimeToInstant(formText(formData, "occurredAt") ?? "", user.timeZone);
    const input = parseInput(createNoteSchema, {
      channel: formText(formData, "channel"),
      occurredAt: occurredAt?.toISOString() ?? "",
      agent: formText(formData, "agent"),
      reference: formText(formData, "reference"),
      durationMinutes: minutes(formText(formData, "durationMinutes")),
      summary: formText(formData, "summary"),
      outcome: formText(formData, "outcome"),
      followUpOn: formText(formData, "followUpOn") || null,
    });
    const today = todayIn(user.timeZone);
    if (noteId) await updateNote(user, parseInput(idField, noteId), input, today);
    else await addNote(user, caseId, input, today);
    return { status: "ok", message: "common.saved" };
  });
  if (caseId) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function deleteNoteAction(noteId: string, caseId: string): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const page = `/cases/${parseInput(idField, caseId)}`;
    await deleteNote(user, parseInput(idField, noteId));
    revalidatePath(page);
    return { status: "ok" };
  });
}
