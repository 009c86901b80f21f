"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useTranslations } from "@/lib/i18n/client";

// What the channels and passkeys panels and their add forms (loaded on
// demand) share: one request at a time, its failure in the reader's
// language, then a refresh.

import type { CallOutcome } from "@/components/settings/settings-requests";

export type { CallOutcome };
export type Failure = Extract<CallOutcome, { ok: false }>;

export function FailureAlert({ failure }: { failure: Failure | null }) {
  const t = useTranslations();
  if (!failure) return null;
  return <Alert tone="error">{t(failure.key, failure.values)}</Alert>;
}

/** `unreachableKey` is said when no answer came and the browser is online. */
export function useSettingsCall(done: (notice: string | null) => void, unreachableKey: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function run(call: () => Promise<CallOutcome>, notice: string, after?: () => void) {
    setPending(true);
    setFailure(null);
    done(null);
    try {
      const outcome = await call();
      if (!outcome.ok) return setFailure(outcome);
      after?.();
      done(notice);
      router.refresh();
    } catch {
      // No answer at all: offline says so (what was typed stays in the form).
      const offline = typeof navigator !== "undefined" && navigator.onLine === false;
      setFailure({ ok: false, key: offline ? "common.offline" : unreachableKey });
    } finally {
      setPending(false);
    }
  }
  return { pending, failure, run };
}
