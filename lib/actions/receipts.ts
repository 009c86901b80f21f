"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteReceipt } from "@/lib/data/receipts";
import { idField } from "@/lib/validation/fields";
import type { ActionState } from "./result";
import { userAction } from "./user-action";

const deleteOne = userAction(
  z.object({ receiptId: idField, caseId: idField }),
  async (user, { receiptId, caseId }) => {
    await deleteReceipt(user, receiptId);
    revalidatePath(`/cases/${caseId}`);
    return { status: "ok" };
  },
  { input: ([receiptId, caseId]: [string, string]) => ({ receiptId, caseId }) },
);

/** A refusal about the receipt itself (the case's last proof) is the form's whole message. */
export async function deleteReceiptAction(receiptId: string, caseId: string): Promise<ActionState> {
  const state = await deleteOne(receiptId, caseId);
  if (state.status === "error" && state.fields?.id)
    return { ...state, message: `errors.${state.fields.id[0]}` };
  return state;
}
