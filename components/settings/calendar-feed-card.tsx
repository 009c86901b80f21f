"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/settings";

/**
 * The private calendar address: on or off, a new address (the old one stops),
 * and, right after it was made, the address itself with how to subscribe.
 * `since` is the formatted date it was made, when it is on.
 */
export function CalendarFeedCard({ since }: { since: string | null }) {
  const t = useTranslations();
  const { pending, error, run } = useActionCall();
  const [url, setUrl] = useState<string | null>(null);
  // Whether an address existed before this one: only then did one stop working.
  const [replaced, setReplaced] = useState(false);

  const create = () =>
    run(async () => {
      const hadOne = since !== null;
      const result = await createCalendarFeedAction();
      if (result.status === "ok") {
        setUrl(result.data?.url ?? null);
        setReplaced(hadOne);
      }
      return result;
    });

  return (
    <div className="max-w-xl space-y-4" data-testid="calendar-feed">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {since ? t("settings.calendarOn", { date: since }) : t("settings.calendarOff")}
      </p>
      <ActionError message={error ? t(error) : null} />
      {url ? (
        <Alert tone="success">
          <p className="font-semibold">{t("settings.calendarNewTitle")}</p>
          <p className="mt-1" data-testid="calendar-new-body">
            {replaced ? t("settings.calendarNewBody") : t("reminderRules.calendarFirstBody")}
          </p>
          <CopyField value={url} testId="calendar-url" />
          <a
            href={url.replace(/^https?:/, "webcal:")}
            className="mt-3 inline-block font-semibold underline underline-offset-2"
          >
            {t("settings.calendarOpen")}
          </a>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            <li>{t("settings.calendarGoogle")}</li>
            <li>{t("settings.calendarApple")}</li>
            <li>{t("settings.calendarOutlook")}</li>
          </ul>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button pending={pending} onClick={create}>
          {since ? t("settings.calendarRenew") : t("settings.calendarTurnOn")}
        </Button>
        {since ? (
          <Button
            variant="secondary"
            pending={pending}
            onClick={() => {
              if (!window.confirm(t("settings.calendarOffConfirm"))) return;
              setUrl(null);
              run(() => revokeCalendarFeedAction());
            }}
          >
            {t("settings.calendarTurnOff")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
