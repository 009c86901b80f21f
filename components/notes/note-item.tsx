"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { useActionCall } from "@/components/ui/use-action-call";
import { Alert } from "@/components/ui/alert";
import { deleteNoteAction } from "@/lib/actions/notes";
import { LazyNoteForm, preloadNoteFormProps } from "./lazy-note-form";
import type { NoteFormValues } from "./note-form";

type Props = {
  caseId: string;
  noteId: string;
  when: string;
  channel: string;
  values: NoteFormValues;
  followUpLabel: string | null;
  /** "edited <when>", when the note was changed after it was written. */
  edited?: string | null;
};

export function NoteItem({ caseId, noteId, when, channel, values, followUpLabel, edited }: Props) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = useActionCall();

  if (editing) {
    return (
      <LazyNoteForm
        caseId={caseId}
        noteId={noteId}
        values={values}
        onSaved={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div
      data-testid="note"
      className="rounded-xl border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-800/40"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-semibold">{channel}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {when}
          {edited ? (
            <span className="ml-1 italic" data-testid="note-edited">
              · {edited}
            </span>
          ) : null}
        </p>
      </div>
      <p className="mt-1 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{values.summary}</p>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs [overflow-wrap:anywhere] text-slate-600 dark:text-slate-300">
        {values.agent ? <span>{t("notes.agentLabel", { agent: values.agent })}</span> : null}
        {values.reference ? (
          <span className="font-mono">
            {t("notes.referenceLabel", { reference: values.reference })}
          </span>
        ) : null}
        {values.durationMinutes ? (
          <span>{t("notes.durationLabel", { minutes: values.durationMinutes })}</span>
        ) : null}
      </p>
      {values.outcome ? (
        <p className="mt-1 text-sm [overflow-wrap:anywhere]">
          {t("notes.outcomeLabel", { outcome: values.outcome })}
        </p>
      ) : null}
      {followUpLabel ? (
        <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">{followUpLabel}</p>
      ) : null}
      <div className="mt-2 flex gap-3 text-xs font-semibold">
        <button
          type="button"
          className="text-indigo-700 hover:underline dark:text-indigo-300"
          {...preloadNoteFormProps}
          onClick={() => setEditing(true)}
        >
          {t("notes.edit")}
        </button>
        <button
          type="button"
          disabled={pending}
          className="text-red-700 hover:underline dark:text-red-300"
          onClick={() => {
            if (!window.confirm(t("notes.deleteConfirm"))) return;
            run(() => deleteNoteAction(noteId, caseId));
          }}
        >
          {t("notes.delete")}
        </button>
      </div>
      {error ? (
        <div className="mt-2">
          <Alert tone="error">{t(error)}</Alert>
        </div>
      ) : null}
    </div>
  );
}
