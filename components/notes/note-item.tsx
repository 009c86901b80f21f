import type { PageTranslator } from "@/lib/i18n/row-i18n";
import { EditableNote } from "./editable-note";
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
  t: PageTranslator;
};

/** One support-call note in the case's timeline, rendered on the server; its Edit and Delete are the client's. */
export function NoteItem({
  caseId,
  noteId,
  when,
  channel,
  values,
  followUpLabel,
  edited,
  t,
}: Props) {
  return (
    <EditableNote caseId={caseId} noteId={noteId} values={values}>
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
      {values.failureReason ? (
        <p
          className="mt-1 inline-flex rounded-md bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200 dark:bg-red-950/50 dark:text-red-200 dark:ring-red-900"
          data-testid="note-failed"
        >
          {t("notes.failedLabel", { reason: t(`domain.failure.${values.failureReason}`) })}
        </p>
      ) : null}
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
    </EditableNote>
  );
}
