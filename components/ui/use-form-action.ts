"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { IDLE, type ActionState } from "@/lib/actions/result";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** How long a save may take before the form says it had no answer. */
export const SAVE_TIMEOUT_MS = 30_000;

class SaveTimedOut extends Error {}

/**
 * A server action's call, with a request that never reached an answer
 * (offline, a 5xx, no answer in time) turned into an error state instead of
 * a thrown error: a thrown error would replace the form, and what was typed,
 * with an error boundary. Next.js's own signals (a redirect to sign-in) pass
 * through.
 */
export async function callAction(call: () => Promise<ActionState>): Promise<ActionState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      call(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SaveTimedOut()), SAVE_TIMEOUT_MS);
      }),
    ]);
  } catch (caught) {
    unstable_rethrow(caught);
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    return {
      status: "error",
      message: offline
        ? "common.offline"
        : caught instanceof SaveTimedOut
          ? "common.timedOut"
          : "common.requestFailed",
      retryable: true,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * useActionState without React's automatic form reset: a refused form keeps
 * what the user typed, so a validation error never costs them their input,
 * and neither does a request that failed on the way (`retry` sends the same
 * form again). With `resetOnSuccess`, a form that stays on the page after it
 * was saved is emptied then, so what was typed for one save is never sent
 * with the next. `pendingValue` is the value of the button that was pressed,
 * for forms with several submit buttons.
 */
export function useFormAction(
  action: FormAction,
  onSubmit?: (formData: FormData) => void,
  {
    resetOnSuccess = false,
    onResult,
  }: {
    resetOnSuccess?: boolean;
    /**
     * Called with the answer inside the save's transition, before it is
     * shown: for a form that the save itself replaces (one keyed by the
     * record's version), whose own state never sees its answer.
     */
    onResult?: (state: ActionState) => void;
  } = {},
) {
  const resultListener = useRef(onResult);
  useEffect(() => {
    resultListener.current = onResult;
  });
  const [guarded] = useState(() => async (prev: ActionState, formData: FormData) => {
    const result = await callAction(() => action(prev, formData));
    resultListener.current?.(result);
    return result;
  });
  const [state, dispatch, actionPending] = useActionState(guarded, IDLE);
  const [transitionPending, startTransition] = useTransition();
  const submitted = useRef<HTMLFormElement | null>(null);
  const last = useRef<FormData | null>(null);
  const lastButton = useRef<HTMLButtonElement | null>(null);
  const [pendingValue, setPendingValue] = useState<string | null>(null);

  useEffect(() => {
    if (resetOnSuccess && state.status === "ok") submitted.current?.reset();
  }, [state, resetOnSuccess]);

  function send(formData: FormData) {
    last.current = formData;
    startTransition(() => dispatch(formData));
  }

  const pending = actionPending || transitionPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button is aria-disabled, not disabled, while saving (focus stays on it): a second submit is ignored.
    if (pending) return;
    submitted.current = event.currentTarget;
    // The pressed button's name and value travel with the form, as in a plain submit.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    lastButton.current = submitter instanceof HTMLButtonElement ? submitter : null;
    setPendingValue(lastButton.current?.value ?? null);
    onSubmit?.(formData);
    send(formData);
  }

  /** Sends the form again as it reads now (the user may have fixed something meanwhile). */
  function retry() {
    const form = submitted.current;
    const button = lastButton.current;
    if (form?.isConnected) form.requestSubmit(button?.isConnected ? button : undefined);
    else if (last.current) send(last.current);
  }

  return { state, submit, retry, pending, pendingValue: pending ? pendingValue : null };
}
