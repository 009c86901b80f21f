"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateCaseDetailsAction } from "@/lib/actions/cases";
import { CASE_METHODS } from "@/lib/domain/cases";
import { EnumOptions } from "@/components/ui/enum-options";

type Props = {
  caseId: string;
  version: number;
  method: string | null;
  confirmationNumber: string | null;
  nextFollowUpOn: string | null;
  /** False while the move form asks for the number: one field for it on the page. */
  editsConfirmationNumber?: boolean;
};

export function CaseDetailsForm({
  caseId,
  version,
  method,
  confirmationNumber,
  nextFollowUpOn,
  editsConfirmationNumber = true,
}: Props) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(updateCaseDetailsAction);
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormAlert state={state} retry={retry} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <SelectField
        id="case-method"
        name="method"
        label={t("cases.method")}
        defaultValue={method ?? ""}
        errors={fieldErrors(t, state, "method")}
      >
        <option value="">{t("subscriptions.methodUnknown")}</option>
        <EnumOptions values={CASE_METHODS} namespace="domain.method" />
      </SelectField>
      {editsConfirmationNumber ? (
        <TextField
          id="case-confirmation"
          name="confirmationNumber"
          maxLength={100}
          autoComplete="off"
          label={t("cases.confirmationNumber")}
          defaultValue={confirmationNumber ?? ""}
          errors={fieldErrors(t, state, "confirmationNumber")}
        />
      ) : null}
      <TextField
        id="case-follow-up"
        name="nextFollowUpOn"
        type="date"
        label={t("cases.nextFollowUp")}
        defaultValue={nextFollowUpOn ?? ""}
        errors={fieldErrors(t, state, "nextFollowUpOn")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("common.saving") : t("cases.saveDetails")}
      </Button>
    </form>
  );
}
