"use server";

import { revalidatePath } from "next/cache";
import { setCaseCheck } from "@/lib/data/case-checks";
import { todayIn } from "@/lib/domain/dates";
import { setCheckSchema } from "@/lib/validation/checklist";
import { idField } from "@/lib/validation/fields";
import { formText } from "./result";
import { userAction, type FormArgs } from "./user-action";

/** Ticks (dated) or unticks one item of a confirmed case's after-confirmation checklist. */
export const setCheckAction = userAction(
  setCheckSchema.extend({ caseId: idField }),
  async (user, { caseId, ...input }) => {
    await setCaseCheck(user, caseId, input, todayIn(user.timeZone));
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      caseId: formText(formData, "caseId"),
      item: formText(formData, "item"),
      done: formText(formData, "done") === "true",
      doneOn: formText(formData, "doneOn") || undefined,
      agent: formText(formData, "agent"),
    }),
    always: ([, formData]: FormArgs) => {
      const caseId = idField.safeParse(formText(formData, "caseId"));
      if (caseId.success) revalidatePath(`/cases/${caseId.data}`);
    },
  },
);
