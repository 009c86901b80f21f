"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { openCaseAction } from "@/lib/actions/subscriptions";
import { CASE_METHODS, CASE_REASONS } from "@/lib/domain/cases";
import { EnumOptions } from "@/components/ui/enum-options";

/** `today` is the user's (their time zone): the opening day defaults to it and cannot be later. */
export function OpenCaseForm({ subscriptionId, today }: { subscriptionId: string; today: string }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(openCaseAction);
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormAlert state={state} retry={retry} success={null} />
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          id="reason"
          name="reason"
          label={t("subscriptions.reason")}
          defaultValue="charges"
          errors={fieldErrors(t, state, "reason")}
        >
          <EnumOptions values={CASE_REASONS} namespace="domain.reason" />
        </SelectField>
        <SelectField
          id="method"
          name="method"
          label={t("subscriptions.method")}
          defaultValue=""
          errors={fieldErrors(t, state, "method")}
        >
          <option value="">{t("subscriptions.methodUnknown")}</option>
          <EnumOptions values={CASE_METHODS} namespace="domain.method" />
        </SelectField>
        <TextField
          id="occurredOn"
          name="occurredOn"
          type="date"
          required
          defaultValue={today}
          max={today}
          label={t("subscriptions.openedOn")}
          hint={t("subscriptions.openedOnHint")}
          errors={fieldErrors(t, state, "occurredOn")}
        />
      </div>
      <Button type="submit" pending={pending}>
        {pending ? t("subscriptions.opening") : t("subscriptions.openCase")}
      </Button>
    </form>
  );
}
