"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addNote, deleteNote, updateNote } from "@/lib/data/notes";
import type { SessionUser } from "@/lib/data/users";
import { todayIn } from "@/lib/domain/dates";
import { wallTimeToInstant } from "@/lib/domain/wall-time";
import { createNoteSchema } from "@/lib/validation/notes";
import { idField } from "@/lib/validation/fields";
import { formText } from "./result";
import { userAction, type FormArgs } from "./user-action";

function minutes(text: string | undefined): number | null {
  if (!text?.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : -1;
}

function revalidateCase([, formData]: FormArgs) {
  const caseId = idField.safeParse(formText(formData, "caseId"));
  if (caseId.success) revalidatePath(`/cases/${caseId.data}`);
}

/** Creates a note on a case, or edits one when the form carries a noteId. */
export const saveNoteAction = userAction(
  createNoteSchema.extend({ caseId: idField, noteId: idField.optional() }),
  async (user, { caseId, noteId, ...input }) => {
    const today = todayIn(user.timeZone);
    if (noteId) await updateNote(user, noteId, input, today);
    else await addNote(user, caseId, input, today);
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs, user: SessionUser) => {
      // The form's clock time means the user's time zone, not the server's.
      const occurredAt = wallTimeToInstant(formText(formData, "occurredAt") ?? "", user.timeZone);
      return {
        caseId: formText(formData, "caseId"),
        noteId: formText(formData, "noteId") || undefined,
        channel: formText(formData, "channel"),
        occurredAt: occurredAt?.toISOString() ?? "",
        agent: formText(formData, "agent"),
        reference: formText(formData, "reference"),
        durationMinutes: minutes(formText(formData, "durationMinutes")),
        summary: formText(formData, "summary"),
        outcome: formText(formData, "outcome"),
        followUpOn: formText(formData, "followUpOn") || null,
        failureReason: formText(formData, "failureReason") || null,
      };
    },
    always: revalidateCase,
  },
);

export const deleteNoteAction = userAction(
  z.object({ noteId: idField, caseId: idField }),
  async (user, { noteId, caseId }) => {
    await deleteNote(user, noteId);
    revalidatePath(`/cases/${caseId}`);
    return { status: "ok" };
  },
  { input: ([noteId, caseId]: [string, string]) => ({ noteId, caseId }) },
);
