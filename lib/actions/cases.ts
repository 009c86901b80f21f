"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { transitionSchema, updateCaseSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";
import { idField } from "@/lib/validation/fields";
import { formText, toActionState, type ActionState } from "./result";

const version = (formData: FormData) => Number(formText(formData, "expectedVersion"));

/**
 * A stale form (the case moved in another tab) never overwrites: the user
 * gets a message and, through revalidation, the case as it is now.
 */
async function onCase(
  formData: FormData,
  body: (userId: { id: string }, caseId: string) => Promise<ActionState>,
) {
  const user = await requireUser();
  let caseId: string | null = null;
  try {
    return await toActionState(() => {
      caseId = parseInput(idField, formText(formData, "caseId"));
      return body(user, caseId);
    });
  } finally {
    if (caseId) revalidatePath(`/cases/${caseId}`);
    revalidatePath("/", "layout");
  }
}

export async function transitionAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return onCase(formData, async (user, caseId) => {
    const input = parseInput(transitionSchema, {
      to: formText(formData, "to"),
      expectedVersion: version(formData),
      comment: formText(formData, "comment"),
      rejectionReason: formText(formData, "rejectionReason") || null,
      confirmationNumber: formText(formData, "confirmationNumber"),
      occurredOn: formText(formData, "occurredOn") || null,
    });
    const moved = await transitionCase(user, caseId, input);
    return { status: "ok", data: { state: moved.state } };
  });
}

export async function updateCaseDetailsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return onCase(formData, async (user, caseId) => {
    const input = parseInput(updateCaseSchema, {
      method: formText(formData, "method") || null,
      confirmationNumber: formText(formData, "confirmationNumber"),
      nextFollowUpOn: formText(formData, "nextFollowUpOn") || null,
      expectedVersion: version(formData),
    });
    await updateCase(user, caseId, input);
    return { status: "ok", message: "common.saved" };
  });
}
