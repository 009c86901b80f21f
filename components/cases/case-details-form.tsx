"use client";

import { useEffect, useRef, useState, type Ref } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { LiveRegion } from "@/components/ui/live-region";
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

/**
 * The case's details. The fields start again from the record at each new
 * version (a move may have set the confirmation number meanwhile), so the
 * form is replaced by every save; what the save said, and the focus, live
 * here, outside it: "Saved" in a status region that stays, and focus on the
 * new Save button.
 */
export function CaseDetailsForm(props: Props) {
  const t = useTranslations();
  const [saves, setSaves] = useState(0);
  const save = useRef<HTMLButtonElement>(null);
  const focusSave = useRef(false);

  // The answer can come before the new version's fields do: focus moves
  // once the old button, and with it the focus, is gone.
  useEffect(() => {
    if (!saves || !focusSave.current) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    focusSave.current = false;
    save.current?.focus();
  }, [saves, props.version]);

  return (
    <div className="space-y-4">
      <CaseDetailsFields
        key={props.version}
        {...props}
        saveRef={save}
        onSaved={() => {
          focusSave.current = true;
          setSaves((count) => count + 1);
        }}
        onEdit={() => {
          focusSave.current = false;
          setSaves(0);
        }}
      />
      <LiveRegion tone="success">{saves ? t("common.saved") : null}</LiveRegion>
    </div>
  );
}

function CaseDetailsFields({
  caseId,
  version,
  method,
  confirmationNumber,
  nextFollowUpOn,
  editsConfirmationNumber = true,
  saveRef,
  onSaved,
  onEdit,
}: Props & { saveRef: Ref<HTMLButtonElement>; onSaved: () => void; onEdit: () => void }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(updateCaseDetailsAction, undefined, {
    onResult: (result) => {
      if (result.status === "ok") onSaved();
    },
  });
  return (
    <form onSubmit={submit} onInput={onEdit} className="space-y-4">
      <FormAlert state={state} retry={retry} success={null} />
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
      <Button ref={saveRef} type="submit" variant="secondary" pending={pending}>
        {pending ? t("common.saving") : t("cases.saveDetails")}
      </Button>
    </form>
  );
}
