"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { EnumOptions } from "@/components/ui/enum-options";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveNoteAction } from "@/lib/actions/notes";
import { FAILURE_REASONS } from "@/lib/domain/attempts";
import { NOTE_CHANNELS } from "@/lib/domain/notes";
import { instantToWallTime } from "@/lib/domain/wall-time";
import { draftKey } from "./draft-store";
import { clearDraft, readDraft, writeDraft } from "./note-draft";

export type NoteFormValues = {
  channel: string;
  occurredAt: string; // datetime-local, in the user's time zone
  agent: string;
  reference: string;
  durationMinutes: string;
  summary: string;
  outcome: string;
  followUpOn: string;
  /** "": the contact did not fail. */
  failureReason: string;
};

type Props = {
  caseId: string;
  noteId?: string;
  values: NoteFormValues;
  /** The values came from a draft this browser kept: the form says so. */
  restored?: boolean;
  onSaved?: () => void;
  onCancel?: () => void;
};

/** Quick to fill during a call: the cursor starts in the summary, the rest has defaults. */
export function NoteForm({ caseId, noteId, values, restored, onSaved, onCancel }: Props) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(saveNoteAction);
  const summary = useRef<HTMLTextAreaElement>(null);
  const errors = (name: string) => fieldErrors(t, state, name);
  const id = (name: string) => `${noteId ?? "new"}-${name}`;
  const draft = draftKey(caseId, noteId);

  useEffect(() => summary.current?.focus(), []);
  useEffect(() => {
    if (state.status !== "ok") return;
    clearDraft(draft);
    onSaved?.();
  }, [state, onSaved, draft]);

  return (
    <form
      onSubmit={submit}
      onInput={(event) => writeDraft(draft, event.currentTarget)}
      className="space-y-4"
      aria-label={noteId ? t("notes.edit") : t("notes.add")}
    >
      {restored ? <Alert tone="info">{t("notes.draftRestored")}</Alert> : null}
      <FormAlert state={state} retry={retry} success={null} />
      <input type="hidden" name="caseId" value={caseId} />
      {noteId ? <input type="hidden" name="noteId" value={noteId} /> : null}
      <TextareaField
        ref={summary}
        id={id("summary")}
        name="summary"
        rows={3}
        maxLength={5000}
        required
        label={t("notes.summary")}
        placeholder={t("notes.summaryPlaceholder")}
        defaultValue={values.summary}
        errors={errors("summary")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_minmax(0,1fr)]">
        <SelectField
          id={id("channel")}
          name="channel"
          label={t("notes.channel")}
          defaultValue={values.channel}
          errors={errors("channel")}
        >
          <EnumOptions values={NOTE_CHANNELS} namespace="domain.channel" />
        </SelectField>
        <TextField
          id={id("occurredAt")}
          name="occurredAt"
          type="datetime-local"
          step={1}
          required
          label={t("notes.occurredAt")}
          defaultValue={values.occurredAt}
          errors={errors("occurredAt")}
        />
        <TextField
          id={id("duration")}
          name="durationMinutes"
          type="number"
          min={0}
          max={1440}
          inputMode="numeric"
          label={t("notes.duration")}
          defaultValue={values.durationMinutes}
          errors={errors("durationMinutes")}
        />
        <TextField
          id={id("agent")}
          name="agent"
          maxLength={100}
          autoComplete="off"
          label={t("notes.agent")}
          defaultValue={values.agent}
          errors={errors("agent")}
        />
        <TextField
          id={id("reference")}
          name="reference"
          maxLength={100}
          autoComplete="off"
          label={t("notes.reference")}
          defaultValue={values.reference}
          errors={errors("reference")}
        />
        <TextField
          id={id("followUpOn")}
          name="followUpOn"
          type="date"
          label={t("notes.followUpOn")}
          defaultValue={values.followUpOn}
          errors={errors("followUpOn")}
        />
      </div>
      <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">{t("notes.followUpHint")}</p>
      <SelectField
        id={id("failureReason")}
        name="failureReason"
        label={t("notes.failureReason")}
        defaultValue={values.failureReason}
        errors={errors("failureReason")}
      >
        <option value="">{t("notes.notFailed")}</option>
        <EnumOptions values={FAILURE_REASONS} namespace="domain.failure" />
      </SelectField>
      <TextField
        id={id("outcome")}
        name="outcome"
        maxLength={2000}
        label={t("notes.outcome")}
        placeholder={t("notes.outcomePlaceholder")}
        defaultValue={values.outcome}
        errors={errors("outcome")}
      />
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {pending ? t("notes.saving") : noteId ? t("notes.update") : t("notes.save")}
        </Button>
        {onCancel ? (
          <Button
            variant="secondary"
            onClick={() => {
              clearDraft(draft);
              onCancel();
            }}
          >
            {t("notes.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A new note; "when" starts as the moment the form was opened (`openedAt`, 0
 * for now), on the user's clock, unless a draft of it was kept.
 */
export function NewNoteForm({
  caseId,
  openedAt,
  timeZone,
  onSaved,
  onCancel,
}: {
  caseId: string;
  openedAt: number;
  timeZone: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft] = useState(() => readDraft(draftKey(caseId)));
  const [values] = useState<NoteFormValues>(
    () =>
      draft ?? {
        channel: "phone",
        occurredAt: instantToWallTime(new Date(openedAt || Date.now()), timeZone),
        agent: "",
        reference: "",
        durationMinutes: "",
        summary: "",
        outcome: "",
        followUpOn: "",
        failureReason: "",
      },
  );
  return (
    <NoteForm
      caseId={caseId}
      values={values}
      restored={Boolean(draft)}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
