"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { getCase } from "@/lib/data/case-record";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { deleteImport } from "@/lib/data/statement-imports";
import { flaggedChargeOfCase, setStatementDate } from "@/lib/data/transactions";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMoney, isCurrencyCode, parseMajorAmount } from "@/lib/domain/money";
import { idField } from "@/lib/validation/fields";
import { updateTransactionSchema } from "@/lib/validation/imports";
import { transitionSchema, updateCaseSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";
import { formText, toActionState, type ActionState } from "./result";

// The forms around charges found on statements: reopen a case because of
// one, give a line its statement date, say which final bill to expect, and
// remove an import. Statement files go in through POST /api/v1/imports.

function revalidateCharges(caseId?: string) {
  if (caseId) revalidatePath(`/cases/${caseId}`);
  revalidatePath("/", "layout");
}

/**
 * Reopens a confirmed case over a flagged charge, in one click: the charge,
 * as the statement shows it, is the reopen's comment in the case's history.
 */
export async function reopenForChargeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  const caseId = formText(formData, "caseId");
  const state = await toActionState(async () => {
    const id = parseInput(idField, caseId);
    const charge = await flaggedChargeOfCase(
      user,
      id,
      parseInput(idField, formText(formData, "transactionId")),
    );
    const [t, kase, locale] = await Promise.all([
      getTranslations("charges"),
      getCase(user, id),
      getLocale(),
    ]);
    const comment = t("reopenComment", {
      description: charge.description,
      amount: formatMoney(charge.amount, charge.currency, locale),
      date: formatDateOnly(charge.postedOn, locale),
      account: charge.account,
    });
    await transitionCase(
      user,
      id,
      parseInput(transitionSchema, { to: "under_review", comment, expectedVersion: kase.version }),
    );
    return { status: "ok", message: "charges.reopened" };
  });
  revalidateCharges(caseId);
  return state;
}

/** The statement date of a flagged line (a CSV does not say it): the dispute date follows. */
export async function statementDateAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  const caseId = formText(formData, "caseId");
  const state = await toActionState(async () => {
    const { statementDate } = parseInput(updateTransactionSchema, {
      statementDate: formText(formData, "statementDate") || null,
    });
    await setStatementDate(
      user,
      parseInput(idField, formText(formData, "transactionId")),
      statementDate,
    );
    return { status: "ok", message: "common.saved" };
  });
  revalidateCharges(caseId);
  return state;
}

/** The final bill to expect after the confirmation (amount in the plan's currency, empty: none). */
export async function expectedFinalBillAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  const caseId = formText(formData, "caseId");
  const state = await toActionState(async () => {
    const id = parseInput(idField, caseId);
    const given = (formText(formData, "currency") ?? "").toUpperCase();
    const currency = isCurrencyCode(given) ? given : "USD";
    const text = (formText(formData, "expectedFinalBill") ?? "").trim();
    const amount = text ? parseMajorAmount(text, currency) : null;
    const input = parseInput(updateCaseSchema, {
      expectedFinalBill: amount === null && text ? -1 : amount,
      expectedVersion: Number(formText(formData, "expectedVersion")),
    });
    await updateCase(user, id, input);
    return { status: "ok", message: "common.saved" };
  });
  revalidateCharges(caseId);
  return state;
}

/** An import, and every line it brought in. */
export async function deleteImportAction(importId: string): Promise<ActionState> {
  const user = await requireUser();
  const state = await toActionState(async () => {
    await deleteImport(user, parseInput(idField, importId));
    return { status: "ok" };
  });
  revalidateCharges();
  return state;
}
