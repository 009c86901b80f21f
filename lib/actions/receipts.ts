"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { deleteReceipt } from "@/lib/data/receipts";
import { parseInput } from "@/lib/validation/parse";
import { idField } from "@/lib/validation/fields";
import { toActionState, type ActionState } from "./result";

export async function deleteReceiptAction(receiptId: string, caseId: string): Promise<ActionState> {
  const user = await requireUser();
  const state = await toActionState(async () => {
    const page = `/cases/${parseInput(idField, caseId)}`;
    await deleteReceipt(user, parseInput(idField, receiptId));
    revalidatePath(page);
    return { status: "ok" };
  });
  if (state.status === "error" && state.fields?.id)
    return { ...state, message: `errors.${state.fields.id[0]}` };
  return state;
}
