"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { expectedFinalBillAction } from "@/lib/actions/charges";
import { useTranslations } from "@/lib/i18n/client";

/**
 * Many providers send one last bill after the cancellation: its amount,
 * entered here, keeps the first charge of that amount from being flagged.
 */
export function ExpectedFinalBillForm({
  caseId,
  version,
  currency,
  value,
}: {
  caseId: string;
  version: number;
  currency: string;
  /** The amount as typed (major units), or "" for none. */
  value: string;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(expectedFinalBillAction);
  return (
    <form onSubmit={submit} className="space-y-3">
      <FormAlert state={state} retry={retry} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="currency" value={currency} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-60">
          <TextField
            id="expected-final-bill"
            name="expectedFinalBill"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            label={`${t("charges.expectedFinalBill")} (${currency})`}
            defaultValue={value}
            errors={fieldErrors(t, state, "expectedFinalBill")}
          />
        </div>
        <Button type="submit" variant="secondary" pending={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("charges.expectedFinalBillHint")}
      </p>
    </form>
  );
}
