"use client";

import { useId } from "react";
import { Button, pendingProps } from "@/components/ui/button";
import { CheckboxField, TextareaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteCorrectionAction, reportOutOfDateAction } from "@/lib/actions/playbooks";
import { useTranslations } from "@/lib/i18n/client";

export type CorrectionRow = {
  id: string;
  note: string;
  sourceUrl: string | null;
  checkedOn: string;
  /** The day, already written in the page's language. */
  dayLabel: string;
  everyone: boolean;
  mine: boolean;
};

/**
 * Under one fact of a playbook: what users (or the server's operator) said is
 * out of date, each with its day, and "This is out of date" to add one.
 */
export function FactCorrections({
  slug,
  factPath,
  rows,
  today,
  everyoneAllowed,
}: {
  slug: string;
  factPath: string;
  rows: CorrectionRow[];
  today: string;
  /** An operator of this server (OPERATOR_EMAILS) may show it to everyone. */
  everyoneAllowed: boolean;
}) {
  const t = useTranslations();
  return (
    <div className="mt-2 space-y-2" data-testid="fact-corrections">
      {rows.length > 0 ? (
        <ul className="space-y-2">
          {rows.map((row) => (
            <CorrectionItem key={row.id} slug={slug} row={row} />
          ))}
        </ul>
      ) : null}
      <details className="group text-xs">
        <summary className="cursor-pointer font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
          {t("playbooks.outOfDate")}
        </summary>
        <CorrectionForm
          slug={slug}
          factPath={factPath}
          today={today}
          everyoneAllowed={everyoneAllowed}
        />
      </details>
    </div>
  );
}

function CorrectionItem({ slug, row }: { slug: string; row: CorrectionRow }) {
  const t = useTranslations();
  const { pending, error, run } = useActionCall();
  return (
    <li
      className="rounded-lg border border-amber-200 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="correction"
    >
      <p className="font-semibold">
        <time dateTime={row.checkedOn}>{t("playbooks.correctionOn", { date: row.dayLabel })}</time>{" "}
        · {row.everyone ? t("playbooks.correctionServer") : t("playbooks.correctionYours")}
      </p>
      <p className="mt-1 text-sm [overflow-wrap:anywhere] whitespace-pre-line">{row.note}</p>
      {row.sourceUrl ? (
        <p className="mt-1 break-all">
          <a
            href={row.sourceUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="underline underline-offset-2"
          >
            {row.sourceUrl}
          </a>
        </p>
      ) : null}
      {row.mine ? (
        <div className="mt-1">
          <button
            type="button"
            className="font-semibold text-red-700 hover:underline dark:text-red-300"
            {...pendingProps(pending, () => {
              if (!window.confirm(t("playbooks.correctionDeleteConfirm"))) return;
              run(() => deleteCorrectionAction(slug, row.id));
            })}
          >
            {t("playbooks.correctionDelete")}
          </button>
          <ActionError message={error ? t(error) : null} />
        </div>
      ) : null}
    </li>
  );
}

function CorrectionForm({
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
