"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ChannelOutcome } from "@/components/settings/channel-requests";
import { useTranslations } from "@/lib/i18n/client";

// What the channels panel and its add form (loaded on demand) share: one
// request at a time, its failure in the reader's language, then a refresh.

export type Failure = Extract<ChannelOutcome, { ok: false }>;

export function FailureAlert({ failure }: { failure: Failure | null }) {
  const t = useTranslations();
  if (!failure) return null;
  return <Alert tone="error">{t(failure.key, failure.values)}</Alert>;
}

export function useChannelCall(done: (notice: string | null) => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function run(call: () => Promise<ChannelOutcome>, notice: string, after?: () => void) {
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
      setFailure({ ok: false, key: offline ? "common.offline" : "common.requestFailed" });
    } finally {
      setPending(false);
    }
  }
  return { pending, failure, run };
}
