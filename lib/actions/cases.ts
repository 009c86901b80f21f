"use server";

import { revalidatePath } from "next/cache";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { transitionSchema, updateCaseSchema } from "@/lib/validation/cases";
import { idField } from "@/lib/validation/fields";
import { formText } from "./result";
import { userAction, type FormArgs } from "./user-action";

const version = (formData: FormData) => Number(formText(formData, "expectedVersion"));

/**
 * Whatever the outcome: a stale form (the case moved in another tab) never
 * overwrites, and the user gets a message and, through this, the case as it
 * is now.
 */
function revalidateCase([, formData]: FormArgs) {
  const caseId = idField.safeParse(formText(formData, "caseId"));
  if (caseId.success) revalidatePath(`/cases/${caseId.data}`);
  revalidatePath("/", "layout");
}

export const transitionAction = userAction(
  transitionSchema.extend({ caseId: idField }),
  async (user, { caseId, ...input }) => {
    const moved = await transitionCase(user, caseId, input);
    return { status: "ok", data: { state: moved.state } };
  },
  {
    input: ([, formData]: FormArgs) => ({
      caseId: formText(formData, "caseId"),
      to: formText(formData, "to"),
      expectedVersion: version(formData),
      comment: formText(formData, "comment"),
      rejectionReason: formText(formData, "rejectionReason") || null,
      confirmationNumber: formText(formData, "confirmationNumber"),
      occurredOn: formText(formData, "occurredOn") || null,
    }),
    always: revalidateCase,
  },
);

export const updateCaseDetailsAction = userAction(
  updateCaseSchema.extend({ caseId: idField }),
  async (user, { caseId, ...input }) => {
    await updateCase(user, caseId, input);
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      caseId: formText(formData, "caseId"),
      method: formText(formData, "method") || null,
      confirmationNumber: formText(formData, "confirmationNumber"),
      nextFollowUpOn: formText(formData, "nextFollowUpOn") || null,
      expectedVersion: version(formData),
    }),
    always: revalidateCase,
  },
);
