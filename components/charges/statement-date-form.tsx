"use client";

import { useId } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { statementDateAction } from "@/lib/actions/charges";
import { useTranslations } from "@/lib/i18n/client";

/** A CSV line has no statement date; the dispute window counts from it, so it is asked here. */
export function StatementDateForm({
  transactionId,
  caseId,
}: {
  transactionId: string;
  caseId?: string;
}) {
  const t = useTranslations();
  const id = useId();
  const { state, submit, retry, pending } = useFormAction(statementDateAction);
  const errors = fieldErrors(t, state, "statementDate");
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="transactionId" value={transactionId} />
      {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
      <div>
        <label
          htmlFor={id}
          className="block text-xs font-medium text-slate-700 dark:text-slate-300"
        >
          {t("charges.statementDate")}
        </label>
        <input
          id={id}
          name="statementDate"
          type="date"
          required
          aria-invalid={errors?.length ? true : undefined}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <Button
        type="submit"
        variant="secondary"
        pending={pending}
        className="min-h-8 px-3 py-1 text-xs"
      >
        {pending ? t("common.saving") : t("charges.setStatementDate")}
      </Button>
      <p className="w-full text-xs text-slate-500 dark:text-slate-400">
        {errors?.length ? errors.join(" ") : t("charges.statementDateHint")}
      </p>
      <FormAlert state={state} retry={retry} success={null} />
    </form>
  );
}
