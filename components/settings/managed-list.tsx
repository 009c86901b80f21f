"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { preloadSettingsForms } from "@/components/settings/lazy-settings-forms";
import { useTranslations } from "@/lib/i18n/client";

type Done = (notice: string | null) => void;

/**
 * A Settings list the user manages (channels, passkeys): the last change's
 * notice, the rows or the empty text, and an "Add" button that opens the add
 * form (fetched on demand). `ns` names the messages: `<ns>.empty`,
 * `<ns>.listLabel`, `<ns>.add`; the notice's test id is `<ns>-notice`.
 */
export function ManagedList<Row extends { id: string }>({
  ns,
  rows,
  item,
  addForm,
}: {
  ns: "channels" | "passkeys";
  rows: Row[];
  item: (row: Row, done: Done) => ReactNode;
  addForm: (done: Done, close: () => void) => ReactNode;
}) {
  const t = useTranslations();
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div className="max-w-xl space-y-5">
      {notice ? (
        <Alert tone="success" testId={`${ns}-notice`}>
          {notice}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t(`${ns}.empty`)}</p>
      ) : (
        <ul
          aria-label={t(`${ns}.listLabel`)}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        >
          {rows.map((row) => item(row, setNotice))}
        </ul>
      )}
      {adding ? (
        addForm(setNotice, () => setAdding(false))
      ) : (
        <Button onClick={() => setAdding(true)} {...preloadSettingsForms}>
          {t(`${ns}.add`)}
        </Button>
      )}
    </div>
  );
}
