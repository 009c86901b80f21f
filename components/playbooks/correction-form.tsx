"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextareaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { reportOutOfDateAction } from "@/lib/actions/playbooks";
import { useTranslations } from "@/lib/i18n/client";

/**
 * "This is out of date" under a playbook's fact: a note, the page that says
 * so and the day it was read. Its code is fetched when the user opens it
 * (./fact-corrections.tsx), not with the page.
 */
export function CorrectionForm({
  slug,
  factPath,
  today,
  everyoneAllowed,
}: {
  slug: string;
  factPath: string;
  today: string;
  everyoneAllowed: boolean;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(reportOutOfDateAction);
  const errors = (name: string) => fieldErrors(t, state, name);
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  return (
    <form onSubmit={submit} className="mt-2 space-y-3" aria-label={t("playbooks.outOfDate")}>
      <FormAlert state={state} retry={retry} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="factPath" value={factPath} />
      <TextareaField
        id={id("note")}
        name="note"
        required
        maxLength={2000}
        label={t("playbooks.correctionNote")}
        errors={errors("note")}
      />
      <TextField
        id={id("sourceUrl")}
        name="sourceUrl"
        type="url"
        inputMode="url"
        maxLength={500}
        placeholder="https://"
        label={t("playbooks.correctionSource")}
        hint={t("playbooks.correctionSourceHint")}
        errors={errors("sourceUrl")}
      />
      <div className="w-44">
        <TextField
          id={id("checkedOn")}
          name="checkedOn"
          type="date"
          max={today}
          defaultValue={today}
          label={t("playbooks.correctionCheckedOn")}
          errors={errors("checkedOn")}
        />
      </div>
      {everyoneAllowed ? (
        <CheckboxField
          id={id("everyone")}
          name="everyone"
          label={t("playbooks.correctionEveryone")}
        />
      ) : null}
      <Button type="submit" variant="secondary" pending={pending}>
        {t("playbooks.correctionSubmit")}
      </Button>
    </form>
  );
}
