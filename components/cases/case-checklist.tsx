"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { setCheckAction } from "@/lib/actions/checklist";
import type { CheckItem } from "@/lib/domain/checklist";

export type ChecklistRow = {
  item: CheckItem;
  /** Null while not ticked; the day is already written in the page's language. */
  done: { doneOn: string; dayLabel: string; agent: string | null } | null;
};

/**
 * The after-confirmation checklist: each item its own small form, so ticking
 * one never loses what is typed in another. A ticked item says its day; an
 * item is ticked on the day it was done (today by default, or a past day).
 */
export function CaseChecklist({
  caseId,
  rows,
  today,
  editable,
}: {
  caseId: string;
  rows: ChecklistRow[];
  today: string;
  /** False on a reopened case: what was ticked stays, nothing new is ticked. */
  editable: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="checklist">
      {rows.map((row) => (
        <li key={row.item} className="py-3 first:pt-0 last:pb-0">
          <CheckRow caseId={caseId} row={row} today={today} editable={editable} />
        </li>
      ))}
    </ul>
  );
}

function CheckRow({
  caseId,
  row,
  today,
  editable,
}: {
  caseId: string;
  row: ChecklistRow;
  today: string;
  editable: boolean;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(setCheckAction);
  const errors = (name: string) => fieldErrors(t, state, name);
  const id = (name: string) => `check-${row.item}-${name}`;
  const label = t(`domain.check.${row.item}`);

  if (row.done) {
    return (
      <form
        onSubmit={submit}
        className="flex flex-wrap items-center gap-x-3 gap-y-2"
        aria-label={label}
      >
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="item" value={row.item} />
        <input type="hidden" name="done" value="false" />
        <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">
          ✓
        </span>
        <div className="min-w-0 flex-1 text-sm">
          <p className="font-medium">{label}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="check-done">
            <time dateTime={row.done.doneOn}>
              {t("cases.checkDone", { date: row.done.dayLabel })}
            </time>
            {row.done.agent ? ` · ${t("cases.checkAgentLabel", { agent: row.done.agent })}` : ""}
          </p>
        </div>
        {editable ? (
          <Button type="submit" variant="ghost" pending={pending}>
            {t("cases.checkUntick")}
          </Button>
        ) : null}
        <FormAlert state={state} retry={retry} success={null} />
      </form>
    );
  }
  if (!editable) return null;
  return (
    <form onSubmit={submit} className="space-y-2" aria-label={label}>
      <FormAlert state={state} retry={retry} success={null} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="item" value={row.item} />
      <input type="hidden" name="done" value="true" />
      <p className="text-sm font-medium">{label}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44">
          <TextField
            id={id("doneOn")}
            name="doneOn"
            type="date"
            max={today}
            required
            label={t("cases.checkDoneOn")}
            defaultValue={today}
            errors={errors("doneOn")}
          />
        </div>
        {row.item === "double_check_call" ? (
          <div className="min-w-0 flex-1 sm:max-w-56">
            <TextField
              id={id("agent")}
              name="agent"
              maxLength={100}
              autoComplete="off"
              label={t("cases.checkAgent")}
              errors={errors("agent")}
            />
          </div>
        ) : null}
        <Button type="submit" variant="secondary" pending={pending}>
          {t("cases.checkTick")}
        </Button>
      </div>
    </form>
  );
}
