"use client";

import { useState } from "react";
import { pendingProps } from "@/components/ui/button";
import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { deleteCorrectionAction } from "@/lib/actions/playbooks";
import { useTranslations } from "@/lib/i18n/client";
import type { CorrectionForm } from "./correction-form";

// Fetched when "This is out of date" is first opened (issue 37's 150 kB).
const LazyCorrectionForm = lazyWithLoading<Parameters<typeof CorrectionForm>[0]>(() =>
  import("./correction-form").then((m) => m.CorrectionForm),
);

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
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-2 space-y-2" data-testid="fact-corrections">
      {rows.length > 0 ? (
        <ul className="space-y-2">
          {rows.map((row) => (
            <CorrectionItem key={row.id} slug={slug} row={row} />
          ))}
        </ul>
      ) : null}
      <details className="group text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
          {t("playbooks.outOfDate")}
        </summary>
        {open ? (
          <LazyCorrectionForm
            slug={slug}
            factPath={factPath}
            today={today}
            everyoneAllowed={everyoneAllowed}
          />
        ) : null}
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
