"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionState } from "@/lib/actions/result";
import { sendTestNotificationAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formMessage } from "@/components/ui/form-state";
import { callAction } from "@/components/ui/use-form-action";

const CHANNELS = ["email", "push"] as const;

/**
 * "Send a test": a message now on each channel that is on (as saved), and
 * what each one answered. A button, not a form: it sits inside the settings
 * form, whose unsaved changes it does not send.
 */
export function NotificationTestButton() {
  const t = useTranslations("notifications");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const data = state.status === "ok" ? (state.data ?? {}) : {};
  const results = CHANNELS.filter((channel) => data[channel]);
  const allSent = results.every((channel) => data[channel] === "sent");

  return (
    <div className="space-y-2" data-testid="notification-test">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              setState(await callAction(() => sendTestNotificationAction()));
            })
          }
        >
          {pending ? t("testSending") : t("testSend")}
        </Button>
        <span className="text-xs text-slate-500 dark:text-slate-400">{t("testHint")}</span>
      </div>
      {state.status === "error" ? (
        <Alert tone="error" testId="notification-test-result">
          {formMessage(tAll, state) ?? tAll("common.unexpectedError")}
        </Alert>
      ) : results.length > 0 ? (
        <Alert tone={allSent ? "success" : "error"} testId="notification-test-result">
          <ul className="space-y-1">
            {results.map((channel) => (
              <li key={channel}>
                {data[channel] === "sent"
                  ? t("testSent", { channel: t(`channel_${channel}`) })
                  : t("testFailed", {
                      channel: t(`channel_${channel}`),
                      reason: data[`${channel}Error`] ?? "",
                    })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
