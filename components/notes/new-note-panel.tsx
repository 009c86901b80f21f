"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PhoneIcon } from "@/components/ui/icons";
import { instantToWallTime } from "@/lib/domain/dates";
import { LazyNoteForm, preloadNoteFormProps } from "./lazy-note-form";

export function NewNotePanel({ caseId, timeZone }: { caseId: string; timeZone: string }) {
  const t = useTranslations("notes");
  // The time the form opened is "now" for the call being logged.
  const [openedAt, setOpenedAt] = useState<string | null>(null);

  if (!openedAt) {
    return (
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("addHint")}</p>
        <Button
          variant="secondary"
          {...preloadNoteFormProps}
          onClick={() => setOpenedAt(instantToWallTime(new Date(), timeZone))}
        >
          <PhoneIcon className="size-4" />
          {t("add")}
        </Button>
      </div>
    );
  }
  return (
    <LazyNoteForm
      caseId={caseId}
      values={{
        channel: "phone",
        occurredAt: openedAt,
        agent: "",
        reference: "",
        durationMinutes: "",
        summary: "",
        outcome: "",
        followUpOn: "",
      }}
      onSaved={() => setOpenedAt(null)}
      onCancel={() => setOpenedAt(null)}
    />
  );
}
