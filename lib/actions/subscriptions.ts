"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { openCase } from "@/lib/data/cases";
import {
  createSubscription,
  deleteSubscription,
  updateSubscription,
} from "@/lib/data/subscriptions";
import { isCurrencyCode, parseMajorAmount } from "@/lib/domain/money";
import { openCaseSchema } from "@/lib/validation/cases";
import { idField } from "@/lib/validation/fields";
import { createSubscriptionSchema } from "@/lib/validation/subscriptions";
import { z } from "zod";
import { formText, type ActionState } from "./result";
import { userAction, type FormArgs } from "./user-action";

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
/** "30, 7, 1" (or "30，7、1"): the numbers, for the schema to judge; "" is the user's own. */
function leadTimesFromForm(text: string | null | undefined): number[] | null {
  const parts = (text ?? "").split(/[\s,，、;；]+/).filter(Boolean);
  return parts.length ? parts.map((part) => (/^\d+$/.test(part) ? Number(part) : NaN)) : null;
}

function wholeNumberFromForm(text: string | null | undefined): number | null {
  const value = (text ?? "").trim();
  return value === "" ? null : /^\d+$/.test(value) ? Number(value) : NaN;
}

function subscriptionFromForm(formData: FormData) {
  const currency = (formText(formData, "currency") ?? "").trim().toUpperCase();
  const amountText = formText(formData, "amount") ?? "";
  const amount = isCurrencyCode(currency) ? parseMajorAmount(amountText, currency) : 0;
  return {
    id: formText(formData, "id") || undefined,
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
    // The form's choice ("" for none); a form without the field leaves it to the name.
    playbookSlug: formText(formData, "playbookSlug"),
    trialEndsOn: formText(formData, "trialEndsOn") || null,
    remindDaysBefore: leadTimesFromForm(formText(formData, "remindDaysBefore")),
    noticeDays: wholeNumberFromForm(formText(formData, "noticeDays")),
  };
}

// A saved or deleted subscription, or an opened case, sends the user on:
// redirect() ends the action, so it comes after the one call succeeded.

export const saveSubscriptionAction = userAction(
  createSubscriptionSchema.extend({ id: idField.optional() }),
  async (user, { id, ...input }) => {
    const saved = id
      ? await updateSubscription(user, id, input)
      : await createSubscription(user, input);
    revalidatePath("/", "layout");
    redirect(`/subscriptions/${saved.id}`);
  },
  { input: ([, formData]: FormArgs) => subscriptionFromForm(formData) },
);

export const deleteSubscriptionAction = userAction(
  z.object({ id: idField }),
  async (user, { id }) => {
    await deleteSubscription(user, id);
    revalidatePath("/", "layout");
    redirect("/subscriptions");
  },
  { input: ([id]: [string]) => ({ id }) },
);

const openOne = userAction(
  openCaseSchema,
  async (user, input) => {
    const { id } = await openCase(user, input);
    revalidatePath("/", "layout");
    redirect(`/cases/${id}`);
  },
  {
    input: ([, formData]: FormArgs) => ({
      subscriptionId: formText(formData, "subscriptionId"),
      reason: formText(formData, "reason"),
      method: formText(formData, "method") || null,
      occurredOn: formText(formData, "occurredOn") || null,
    }),
  },
);

/** A refusal about the subscription (it is cancelled, or has an open case) is the form's whole message. */
export async function openCaseAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await openOne(prev, formData);
  if (state.status === "error" && state.fields?.subscriptionId) {
    return { ...state, message: `errors.${state.fields.subscriptionId[0]}` };
  }
  return state;
}
