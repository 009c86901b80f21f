"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { openCase } from "@/lib/data/cases";
import {
  createSubscription,
  deleteSubscription,
  updateSubscription,
} from "@/lib/data/subscriptions";
import { isCurrencyCode, parseMajorAmount } from "@/lib/domain/money";
import { openCaseSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";
import { idField } from "@/lib/validation/fields";
import { createSubscriptionSchema } from "@/lib/validation/subscriptions";
import { formText, toActionState, type ActionState } from "./result";

/** One statement name a line; an empty field follows the provider's name (null); no field, no change. */
function patternsFromForm(text: string | undefined): string[] | null | undefined {
  if (text === undefined) return undefined;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length ? lines : null;
}

/** The form's fields as the API would send them: the price typed in major units becomes minor units. */
function subscriptionFromForm(formData: FormData) {
  const currency = (formText(formData, "currency") ?? "").trim().toUpperCase();
  const amountText = formText(formData, "amount") ?? "";
  const amount = isCurrencyCode(currency) ? parseMajorAmount(amountText, currency) : 0;
  const input = parseInput(createSubscriptionSchema, {
    provider: formText(formData, "provider"),
    category: formText(formData, "category"),
    plan: formText(formData, "plan"),
    amount: amount ?? -1,
    currency,
    billingCycle: formText(formData, "billingCycle"),
    nextRenewalOn: formText(formData, "nextRenewalOn") || null,
    accountRef: formText(formData, "accountRef"),
    paymentMethod: formText(formData, "paymentMethod"),
    autoRenew: formText(formData, "autoRenew") === "on",
    cancelUrl: formText(formData, "cancelUrl"),
    notes: formText(formData, "notes"),
    merchantPatterns: patternsFromForm(formText(formData, "merchantPatterns")),
  });
  return input;
}

export async function saveSubscriptionAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  const id = formText(formData, "id");
  let savedId = "";
  const state = await toActionState(async () => {
    const input = subscriptionFromForm(formData);
    savedId = id
      ? (await updateSubscription(user, parseInput(idField, id), input)).id
      : (await createSubscription(user, input)).id;
    return { status: "ok" };
  });
  if (state.status !== "ok") return state;
  revalidatePath("/", "layout");
  redirect(`/subscriptions/${savedId}`);
}

export async function deleteSubscriptionAction(id: string): Promise<ActionState> {
  const user = await requireUser();
  const state = await toActionState(async () => {
    await deleteSubscription(user, parseInput(idField, id));
    return { status: "ok" };
  });
  if (state.status !== "ok") return state;
  revalidatePath("/", "layout");
  redirect("/subscriptions");
}

export async function openCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  let caseId = "";
  const state = await toActionState(async () => {
    const input = parseInput(openCaseSchema, {
      subscriptionId: formText(formData, "subscriptionId"),
      reason: formText(formData, "reason"),
      method: formText(formData, "method") || null,
      occurredOn: formText(formData, "occurredOn") || null,
    });
    caseId = (await openCase(user, input)).id;
    return { status: "ok" };
  });
  if (state.status !== "ok") {
    if (state.status === "error" && state.fields?.subscriptionId) {
      return { ...state, message: `errors.${state.fields.subscriptionId[0]}` };
    }
    return state;
  }
  revalidatePath("/", "layout");
  redirect(`/cases/${caseId}`);
}
