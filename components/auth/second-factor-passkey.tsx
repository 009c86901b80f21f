"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PasskeyAnswer } from "@/lib/auth/browser-client";
import { useTranslations } from "@/lib/i18n/client";

// The second step answered with a passkey instead of a code (decision 024):
// the email and password go again for options listing the account's own
// passkeys, then the assertion goes to the sign-in with them, as the code
// would. The WebAuthn library is fetched on the click, as the login page's
// passkey button does, out of the page's first load.

type Options = PublicKeyCredentialRequestOptionsJSON;

export function SecondFactorPasskey({
  credentials,
  submit,
  otherError,
  onError,
  busy,
}: {
  credentials: { email: string; password: string };
  /** Signs in with the answer: null when signed in, else the error's code. */
  submit: (passkey: PasskeyAnswer) => Promise<string | null>;
  otherError: (code: string) => string;
  /** What to say (null clears it), in the step's one error region. */
  onError: (message: string | null) => void;
  /** The code form is sending: one answer at a time. */
  busy: boolean;
}) {
  const t = useTranslations("passkeys");
  const [pending, setPending] = useState(false);

  async function answer(): Promise<string | null> {
    const { browserSupportsWebAuthn, startAuthentication } =
      await import("@simplewebauthn/browser");
    if (!browserSupportsWebAuthn()) return t("secondFactorUnsupported");
    const started = await fetch("/api/v1/auth/passkey/second-factor/options", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(credentials),
    });
    if (started.status === 409) return t("secondFactorNone");
    if (started.status === 429) return otherError("rate_limited");
    if (started.status === 503) return t("signInBusy");
    if (!started.ok) return t("failed");
    const { challengeId, options } = (await started.json()) as {
      challengeId: string;
      options: Options;
    };
    let response;
    try {
      response = await startAuthentication({ optionsJSON: options });
    } catch {
      return t("signInCancelled");
    }
    const failure = await submit({ challengeId, response });
    if (!failure) return null;
    return failure === "totp_invalid" ? t("secondFactorRefused") : otherError(failure);
  }

  async function onClick() {
    if (pending || busy) return;
    setPending(true);
    onError(null);
    const failure = await answer().catch(() => t("failed"));
    if (failure) {
      onError(failure);
      setPending(false);
    }
  }

  return (
    <>
      <p className="flex items-center gap-3 text-xs text-slate-500 uppercase dark:text-slate-400">
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        {t("secondFactorOr")}
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </p>
      <Button variant="secondary" className="w-full" pending={pending} onClick={onClick}>
        {pending ? t("secondFactorWaiting") : t("secondFactorUse")}
      </Button>
    </>
  );
}
