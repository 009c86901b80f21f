"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionState } from "@/lib/actions/result";
import { bringIntoView, LiveRegion } from "./live-region";
import { formMessage } from "./form-state";

/**
 * A form's answer: its error (with Retry when the request itself failed, so
 * the text still in the form can be sent again) or, when `success` is given,
 * its confirmation. Both go into live regions that are rendered from the
 * start, so a screen reader announces them. After each answer the user is
 * shown it: a refused field gets focus (its error is linked to it), else an
 * error message does; a confirmation is scrolled into view while focus stays
 * on the button that was pressed (Button keeps it: aria-disabled, never
 * disabled).
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
  const errorRegion = useRef<HTMLDivElement>(null);
  const statusRegion = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const scope = errorRegion.current?.closest("form") ?? errorRegion.current?.parentElement;
    if (state.status === "error") {
      const field = scope?.querySelector<HTMLElement>('[aria-invalid="true"]');
      bringIntoView(field ?? errorRegion.current);
    } else if (state.status === "ok") {
      // The pressed button keeps focus, unless the save took it away (a step
      // that is no longer offered): then the confirmation is all there is.
      const active = document.activeElement;
      if (!active || active === document.body) bringIntoView(statusRegion.current);
      else statusRegion.current?.scrollIntoView({ block: "nearest" });
    }
  }, [state]);

  const okMessage =
    state.status === "ok"
      ? (success ?? (success === undefined ? formMessage(t, state) : null))
      : null;
  const errorMessage = state.status === "error" ? formMessage(t, state) : null;
  return (
    <>
      <LiveRegion tone="error" ref={errorRegion} testId={errorMessage ? testId : undefined}>
        {errorMessage ? (
          <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <span>{errorMessage}</span>
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
        ) : null}
      </LiveRegion>
      <LiveRegion tone="success" ref={statusRegion} testId={errorMessage ? undefined : testId}>
        {okMessage}
      </LiveRegion>
    </>
  );
}
