"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ActionState } from "@/lib/actions/result";
import { Alert } from "./alert";
import { formMessage } from "./form-state";

/**
 * A form's answer: its error (with Retry when the request itself failed, so
 * the text still in the form can be sent again) or, when `success` is given,
 * its confirmation.
 */
export function FormAlert({
  state,
  retry,
  success,
  testId,
}: {
  state: ActionState;
  retry?: () => void;
  success?: string | null;
  testId?: string;
}) {
  const t = useTranslations();
  if (state.status === "ok") {
    const message = success ?? (success === undefined ? formMessage(t, state) : null);
    return message ? (
      <Alert tone="success" testId={testId}>
        {message}
      </Alert>
    ) : null;
  }
  const message = formMessage(t, state);
  if (!message) return null;
  return (
    <Alert tone="error" testId={testId}>
      <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <span>{message}</span>
        {state.status === "error" && state.retryable && retry ? (
          <button
            type="button"
            onClick={retry}
            className="font-semibold underline underline-offset-2 hover:no-underline"
          >
            {t("common.retry")}
          </button>
        ) : null}
      </span>
    </Alert>
  );
}
