"use client";

import { signInWithPassword, type PasskeyAnswer } from "@/lib/auth/browser-client";
import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { TextField } from "@/components/ui/field";
import { SecondFactorStep } from "@/components/auth/second-factor-step";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

// Two steps when the account has two-factor on: the password, then the code
// (or a passkey, decision 024).
// The form keeps the email and password in its state and sends them again
// with the code, so the server keeps no half-signed-in state and no session
// exists before the code was right; both go through one throttled check.

export function LoginForm({
  callbackUrl,
  notice,
  firstStepOnly,
}: {
  callbackUrl?: string;
  notice?: string;
  /** Shown under the password step only (the passkey-alone button): the second step offers its own. */
  firstStepOnly?: ReactNode;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  /** Signs in; true when done, else the error code (the form says it). */
  async function attempt(
    email: string,
    password: string,
    totp?: string,
    passkey?: PasskeyAnswer,
  ): Promise<string | null> {
    const result = await signInWithPassword(email, password, totp, passkey).catch(() => ({
      ok: false,
      error: "network",
    }));
    if (result.ok) {
      // The page sent a checked path; checked again against where the browser really is.
      router.replace(safeRedirectPath(callbackUrl, window.location.origin));
      router.refresh();
      return null;
    }
    return result.error ?? "unknown";
  }

  function messageOf(code: string): string {
    if (code === "rate_limited") return t("rateLimited");
    if (code === "network") return t("networkError");
    return t("invalidCredentials");
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button stays focusable while signing in (aria-disabled): a second submit is ignored.
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const failure = await attempt(email, password);
    if (failure === "totp_required") setCredentials({ email, password });
    else if (failure) setError(messageOf(failure));
    if (failure) setPending(false);
  }

  if (credentials) {
    return (
      <SecondFactorStep
        credentials={credentials}
        submit={(code) => attempt(credentials.email, credentials.password, code)}
        answerWithPasskey={(passkey) =>
          attempt(credentials.email, credentials.password, undefined, passkey)
        }
        otherError={messageOf}
        startOver={() => {
          setCredentials(null);
          setError(null);
        }}
      />
    );
  }

  return (
    <>
      <form onSubmit={onSubmit} className="space-y-5" noValidate={false}>
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        <ActionError message={error} testId="login-error" />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="username"
          required
          autoFocus
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="w-full" pending={pending}>
          {pending ? t("loggingIn") : t("logIn")}
        </Button>
      </form>
      {firstStepOnly}
    </>
  );
}
