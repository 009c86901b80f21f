"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import { IDLE, type ActionState } from "@/lib/actions/result";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState without React's automatic form reset: a refused form keeps
 * what the user typed, so a validation error never costs them their input.
 */
export function useFormAction(action: FormAction, onSubmit?: (formData: FormData) => void) {
  const [state, dispatch, actionPending] = useActionState(action, IDLE);
  const [transitionPending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The pressed button's name and value travel with the form, as in a plain submit.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    onSubmit?.(formData);
    startTransition(() => dispatch(formData));
  }

  return { state, submit, pending: actionPending || transitionPending };
}
