"use server";

import { revalidatePath } from "next/cache";
import { fileDispute, updateDispute } from "@/lib/data/disputes";
import { todayIn } from "@/lib/domain/dates";
import { parseMajorAmount } from "@/lib/domain/money";
import { fileDisputeSchema, updateDisputeSchema } from "@/lib/validation/disputes";
import { idField } from "@/lib/validation/fields";
import { formText, formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// The forms of a flagged charge's dispute: file it, then record the bank's
// provisional credit and its outcome (issue 34, point 2).

/** The case page, the Statements page and the dashboard all show the dispute. */
function revalidateDisputes([, formData]: Partial<FormArgs> = []) {
  const caseId = formData ? formText(formData, "caseId") : undefined;
  if (caseId) revalidatePath(`/cases/${caseId}`);
  revalidatePath("/", "layout");
}

export const fileDisputeAction = userAction(
  fileDisputeSchema.extend({ transactionId: idField }),
  async (user, { transactionId, ...input }) => {
    await fileDispute(user, transactionId, input, todayIn(user.timeZone));
    return { status: "ok", message: "disputes.filedSaved" };
  },
  {
    input: ([, formData]: FormArgs) =>
      formValues(formData, ["transactionId", "filedOn", "channel", "reference"]),
    always: revalidateDisputes,
  },
);

/** The bank's acknowledgement (day), a provisional credit (day, amount in the charge's currency) or an outcome (status, day). */
export const updateDisputeAction = userAction(
  updateDisputeSchema.extend({ disputeId: idField }),
  async (user, { disputeId, ...input }) => {
    await updateDispute(user, disputeId, input, todayIn(user.timeZone));
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs) => {
      const amount = (formText(formData, "provisionalCreditAmount") ?? "").trim();
      const currency = formText(formData, "currency") ?? "USD";
      const day = (name: string) => formText(formData, name) || undefined;
      return {
        disputeId: formText(formData, "disputeId"),
        status: formText(formData, "status"),
        acknowledgedOn: day("acknowledgedOn"),
        provisionalCreditOn: day("provisionalCreditOn"),
        resolvedOn: day("resolvedOn"),
        // Not a number the schema can read: it says which field is wrong.
        ...(amount
          ? { provisionalCreditAmount: parseMajorAmount(amount, currency) ?? amount }
          : {}),
      };
    },
    always: revalidateDisputes,
  },
);
