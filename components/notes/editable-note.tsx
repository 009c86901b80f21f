"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, type ReactNode } from "react";
import { useActionCall } from "@/components/ui/use-action-call";
import { Alert } from "@/components/ui/alert";
import { deleteNoteAction } from "@/lib/actions/notes";
import { LazyNoteForm, preloadNoteFormProps } from "./lazy-note-form";
import type { NoteFormValues } from "./note-form";

/**
 * A note's box with its Edit and Delete: the note itself (`children`) is
 * rendered on the server; "Edit" swaps the box for the note form.
 */
export function EditableNote({
  caseId,
  noteId,
  values,
  children,
}: {
  caseId: string;
  noteId: string;
  values: NoteFormValues;
  children: ReactNode;
}) {
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
      {children}
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
