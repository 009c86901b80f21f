"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/result";
import { callAction } from "./use-form-action";

/**
 * A button's server action (delete this note, end that session): pending
 * while it runs, and the message key of its error, a failed request
 * included, for the button to show in the page's language.
 */
export function useActionCall() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run(call: () => Promise<ActionState | void>) {
    setError(null);
    startTransition(async () => {
      const result = await callAction(async () => (await call()) ?? { status: "ok" });
      if (result.status === "error") setError(result.message || "common.unexpectedError");
    });
  }
  return { pending, error, run };
}
