"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { acknowledgeReminderAction, snoozeReminderAction } from "@/lib/actions/reminder-rules";
import { addDays, formatDateOnly } from "@/lib/domain/dates";

/**
 * A reminder's controls in the notifications list: done (no more about it),
 * snooze a day or a week, or until a chosen day. `today` is the user's.
 */
export function ReminderControls({
  id,
  today,
  snoozedUntil,
  acknowledged,
}: {
  id: string;
  today: string;
  snoozedUntil: string | null;
  acknowledged: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { pending, error, run } = useActionCall();
  const [until, setUntil] = useState(addDays(today, 3));
  if (acknowledged) return null;
  const snooze = (day: string) => run(() => snoozeReminderAction(id, day));
  return (
    <div className="space-y-2" data-testid="reminder-controls">
      <ActionError message={error ? t(error) : null} />
      <div className="flex flex-wrap gap-2 sm:justify-end">
        <Button pending={pending} onClick={() => run(() => acknowledgeReminderAction(id))}>
          {t("reminderRules.ack")}
        </Button>
        <Button variant="secondary" pending={pending} onClick={() => snooze(addDays(today, 1))}>
          {t("reminderRules.snoozeDay")}
        </Button>
        <Button variant="secondary" pending={pending} onClick={() => snooze(addDays(today, 7))}>
          {t("reminderRules.snoozeWeek")}
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:justify-end">
        <label className="text-xs text-slate-600 dark:text-slate-400" htmlFor={`snooze-${id}`}>
          {t("reminderRules.snoozeUntil")}
        </label>
        <input
          id={`snooze-${id}`}
          type="date"
          min={addDays(today, 1)}
          max={addDays(today, 365)}
          value={until}
          onChange={(event) => setUntil(event.target.value)}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <Button variant="secondary" pending={pending} onClick={() => snooze(until)}>
          {t("reminderRules.snooze")}
        </Button>
      </div>
      {snoozedUntil && snoozedUntil > today ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="snoozed-until">
          {t("reminderRules.snoozedUntil", { date: formatDateOnly(snoozedUntil, locale) })}
        </p>
      ) : null}
    </div>
  );
}
