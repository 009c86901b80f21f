"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { updateCase } from "@/lib/data/cases";
import { deleteImport } from "@/lib/data/statement-imports";
import { setStatementDate } from "@/lib/data/transactions";
import { isLocale } from "@/lib/domain/locales";
import { isCurrencyCode, parseMajorAmount } from "@/lib/domain/money";
import { reopenCaseForCharge } from "@/lib/services/reopen-case-for-charge";
import { idField } from "@/lib/validation/fields";
import { updateTransactionSchema } from "@/lib/validation/imports";
import { reopenForChargeSchema, updateCaseSchema } from "@/lib/validation/cases";
import { z } from "zod";
import { formText, formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// The forms around charges found on statements: reopen a case because of
// one, give a line its statement date, say which final bill to expect, and
// remove an import. Statement files go in through POST /api/v1/imports.

/** Whatever the outcome, the case (when the form named one) and the charge lists are shown as they are now. */
function revalidateCharges([, formData]: Partial<FormArgs> = []) {
  const caseId = formData ? formText(formData, "caseId") : undefined;
  if (caseId) revalidatePath(`/cases/${caseId}`);
  revalidatePath("/", "layout");
}

/**
 * Reopens a confirmed case over a flagged charge, in one click. The form
 * sends the case's version as it was rendered: a case changed since then
 * gets the stale message, like every other form on the case.
 */
export const reopenForChargeAction = userAction(
  reopenForChargeSchema,
  async (user, input) => {
    const locale = await getLocale();
    await reopenCaseForCharge(user, input, isLocale(locale) ? locale : user.locale);
    return { status: "ok", message: "charges.reopened" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      ...formValues(formData, ["caseId", "transactionId"]),
      expectedVersion: Number(formText(formData, "expectedVersion")),
    }),
    always: revalidateCharges,
  },
);

/** The statement date of a flagged line (a CSV does not say it): the dispute date follows. */
export const statementDateAction = userAction(
  updateTransactionSchema.extend({ transactionId: idField }),
  async (user, { transactionId, statementDate }) => {
    await setStatementDate(user, transactionId, statementDate);
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      statementDate: formText(formData, "statementDate") || null,
      transactionId: formText(formData, "transactionId"),
    }),
    always: revalidateCharges,
  },
);

/** The final bill to expect after the confirmation (amount in the plan's currency, empty: none). */
export const expectedFinalBillAction = userAction(
  updateCaseSchema.extend({ caseId: idField }),
  async (user, { caseId, ...input }) => {
    await updateCase(user, caseId, input);
    return { status: "ok", message: "common.saved" };
  },
  {
    input: ([, formData]: FormArgs) => {
      const given = (formText(formData, "currency") ?? "").toUpperCase();
      const currency = isCurrencyCode(given) ? given : "USD";
      const text = (formText(formData, "expectedFinalBill") ?? "").trim();
      const amount = text ? parseMajorAmount(text, currency) : null;
      return {
        caseId: formText(formData, "caseId"),
        expectedFinalBill: amount === null && text ? -1 : amount,
        expectedVersion: Number(formText(formData, "expectedVersion")),
      };
    },
    always: revalidateCharges,
  },
);

/** An import, and every line it brought in. */
export const deleteImportAction = userAction(
  z.object({ importId: idField }),
  async (user, { importId }) => {
    await deleteImport(user, importId);
    return { status: "ok" };
  },
  { input: ([importId]: [string]) => ({ importId }), always: () => revalidateCharges() },
);
