"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { signInWithPasskeyAssertion } from "@/lib/auth/browser-client";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { useTranslations } from "@/lib/i18n/client";

// Sign-in with a passkey alone: no email typed, the device offers the
// passkeys it holds for this site (a discoverable credential, decision 024).
// The WebAuthn library is fetched on the click, out of the login page's first load.

type Options = PublicKeyCredentialRequestOptionsJSON;

export function PasskeySignInButton({
  callbackUrl,
  className = "",
}: {
  callbackUrl?: string;
  className?: string;
}) {
  const t = useTranslations("passkeys");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(): Promise<string | null> {
    const { browserSupportsWebAuthn, startAuthentication } =
      await import("@simplewebauthn/browser");
    if (!browserSupportsWebAuthn()) return t("unsupported");
    const started = await fetch("/api/v1/auth/passkey/options", { method: "POST" });
    // Counted per address and for the whole server before a challenge is stored (decision 024).
    if (started.status === 429 || started.status === 503) return t("signInBusy");
    if (!started.ok) return t("failed");
    const { challengeId, options } = (await started.json()) as {
      challengeId: string;
      options: Options;
    };
    let assertion;
    try {
      assertion = await startAuthentication({ optionsJSON: options });
    } catch {
      return t("signInCancelled");
    }
    if (!(await signInWithPasskeyAssertion(challengeId, assertion))) return t("signInRefused");
    router.replace(safeRedirectPath(callbackUrl, window.location.origin));
    router.refresh();
    return null;
  }

  async function onClick() {
    if (pending) return;
    setPending(true);
    setError(null);
    const failure = await signIn().catch(() => t("failed"));
    if (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <div className={`space-y-3 ${className}`}>
      <ActionError message={error} testId="passkey-login-error" />
      <Button variant="secondary" className="w-full" pending={pending} onClick={onClick}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </div>
  );
}
