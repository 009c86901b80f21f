"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useActionCall } from "@/components/ui/use-action-call";
import { pendingProps } from "@/components/ui/button";
import { ActionError, bringIntoView, LiveRegion } from "@/components/ui/live-region";
import { deleteNoteAction } from "@/lib/actions/notes";
import { LazyNoteForm, preloadNoteFormProps } from "./lazy-note-form";
import type { NoteFormValues } from "./note-form";

/**
 * A note's box with its Edit and Delete: the note itself (`children`) is
 * rendered on the server; "Edit" swaps the box for the note form. When the
 * form closes, focus goes to the status saying the note was saved, or back
 * to Edit when the edit was cancelled.
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
  const [closedBy, setClosedBy] = useState<{ saved: boolean } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const { pending, error, run } = useActionCall();

  useEffect(() => {
    if (!closedBy || editing) return;
    if (closedBy.saved) bringIntoView(status.current);
    else edit.current?.focus();
  }, [closedBy, editing]);

  const saved = closedBy?.saved && !editing ? t("notes.saved") : null;
  return (
    <div>
      {editing ? (
        <LazyNoteForm
          caseId={caseId}
          noteId={noteId}
          values={values}
          onSaved={() => {
            setClosedBy({ saved: true });
            setEditing(false);
          }}
          onCancel={() => {
            setClosedBy({ saved: false });
            setEditing(false);
          }}
        />
      ) : (
        <div
          data-testid="note"
          className="rounded-xl border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-800/40"
        >
          {children}
          <div className="mt-2 flex gap-3 text-xs font-semibold">
            <button
              ref={edit}
              type="button"
              className="text-indigo-700 hover:underline dark:text-indigo-300"
              {...preloadNoteFormProps}
              onClick={() => {
                setClosedBy(null);
                setEditing(true);
              }}
            >
              {t("notes.edit")}
            </button>
            <button
              type="button"
              className="text-red-700 hover:underline dark:text-red-300"
              {...pendingProps(pending, () => {
                if (!window.confirm(t("notes.deleteConfirm"))) return;
                run(() => deleteNoteAction(noteId, caseId));
              })}
            >
              {t("notes.delete")}
            </button>
          </div>
          <div className={error ? "mt-2" : undefined}>
            <ActionError message={error ? t(error) : null} />
          </div>
        </div>
      )}
      <div className={saved ? "mt-2" : undefined}>
        <LiveRegion tone="success" ref={status}>
          {saved}
        </LiveRegion>
      </div>
    </div>
  );
}
