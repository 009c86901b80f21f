"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { PasskeyOutcome } from "@/components/settings/passkey-requests";
import { useTranslations } from "@/lib/i18n/client";

// What the passkeys panel and its add form (loaded on demand) share: one
// request at a time, its failure in the reader's language, then a refresh.

export type Failure = Extract<PasskeyOutcome, { ok: false }>;

export function FailureAlert({ failure }: { failure: Failure | null }) {
  const t = useTranslations();
  if (!failure) return null;
  return <Alert tone="error">{t(failure.key, failure.values)}</Alert>;
}

export function usePasskeyCall(done: (notice: string | null) => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function run(call: () => Promise<PasskeyOutcome>, notice: string, after?: () => void) {
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
      setFailure({ ok: false, key: "passkeys.failed" });
    } finally {
      setPending(false);
    }
  }
  return { pending, failure, run };
}
