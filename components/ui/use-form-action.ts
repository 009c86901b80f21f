"use client";

import { useActionState, useEffect, useRef, useTransition, type FormEvent } from "react";
import { IDLE, type ActionState } from "@/lib/actions/result";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState without React's automatic form reset: a refused form keeps
 * what the user typed, so a validation error never costs them their input.
 * With `resetOnSuccess`, a form that stays on the page after it was saved is
 * emptied then, so what was typed for one save is never sent with the next.
 */
export function useFormAction(
  action: FormAction,
  onSubmit?: (formData: FormData) => void,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [state, dispatch, actionPending] = useActionState(action, IDLE);
  const [transitionPending, startTransition] = useTransition();
  const submitted = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (resetOnSuccess && state.status === "ok") submitted.current?.reset();
  }, [state, resetOnSuccess]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submitted.current = event.currentTarget;
    // The pressed button's name and value travel with the form, as in a plain submit.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    onSubmit?.(formData);
    startTransition(() => dispatch(formData));
  }

  return { state, submit, pending: actionPending || transitionPending };
}
