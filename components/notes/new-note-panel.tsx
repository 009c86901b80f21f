"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { PhoneIcon } from "@/components/ui/icons";
import { LazyNewNoteForm, preloadNoteFormProps } from "./lazy-note-form";
import { draftKey, hasDraft, noDraftEvents } from "./draft-store";

export function NewNotePanel({ caseId, timeZone }: { caseId: string; timeZone: string }) {
  const t = useTranslations("notes");
  // The time the form opened is "now" for the call being logged; 0 once it was closed.
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  // A note left unsaved here (a reload, a crashed tab) opens again by itself.
  const draftWaiting = useSyncExternalStore(
    noDraftEvents,
    () => hasDraft(draftKey(caseId)),
    () => false,
  );

  if (!openedAt && !(openedAt === null && draftWaiting)) {
    return (
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("addHint")}</p>
        <Button
          variant="secondary"
          {...preloadNoteFormProps}
          onClick={() => setOpenedAt(Date.now())}
        >
          <PhoneIcon className="size-4" />
          {t("add")}
        </Button>
      </div>
    );
  }
  return (
    <LazyNewNoteForm
      caseId={caseId}
      openedAt={openedAt ?? 0}
      timeZone={timeZone}
      onDone={() => setOpenedAt(0)}
    />
  );
}
