"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { PhoneIcon } from "@/components/ui/icons";
import { bringIntoView, LiveRegion } from "@/components/ui/live-region";
import { LazyNewNoteForm, preloadNoteFormProps } from "./lazy-note-form";
import { draftKey, hasDraft, noDraftEvents } from "./draft-store";

export function NewNotePanel({ caseId, timeZone }: { caseId: string; timeZone: string }) {
  const t = useTranslations("notes");
  // The time the form opened is "now" for the call being logged; 0 once it was closed.
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  // Where focus goes when the form closes: the "Saved" status, or back to the button that opened it.
  const [closedBy, setClosedBy] = useState<{ saved: boolean } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // A note left unsaved here (a reload, a crashed tab) opens again by itself.
  const draftWaiting = useSyncExternalStore(
    noDraftEvents,
    () => hasDraft(draftKey(caseId)),
    () => false,
  );
  const open = Boolean(openedAt) || (openedAt === null && draftWaiting);

  // The form is gone once the note is saved: the status that says so takes the focus.
  useEffect(() => {
    if (!closedBy || open) return;
    if (closedBy.saved) bringIntoView(status.current);
    else opener.current?.focus();
  }, [closedBy, open]);

  return (
    <>
      {open ? (
        <LazyNewNoteForm
          caseId={caseId}
          openedAt={openedAt ?? 0}
          timeZone={timeZone}
          onSaved={() => {
            setClosedBy({ saved: true });
            setOpenedAt(0);
          }}
          onCancel={() => {
            setClosedBy({ saved: false });
            setOpenedAt(0);
          }}
        />
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("addHint")}</p>
          <Button
            ref={opener}
            variant="secondary"
            {...preloadNoteFormProps}
            onClick={() => {
              setClosedBy(null);
              setOpenedAt(Date.now());
            }}
          >
            <PhoneIcon className="size-4" />
            {t("add")}
          </Button>
        </div>
      )}
      <div className={closedBy?.saved && !open ? "mt-3" : undefined}>
        <LiveRegion tone="success" ref={status} testId="note-status">
          {closedBy?.saved && !open ? t("saved") : null}
        </LiveRegion>
      </div>
    </>
  );
}
