"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ActionError } from "@/components/ui/live-region";
import { SecondFactorPasskey } from "@/components/auth/second-factor-passkey";
import type { PasskeyAnswer } from "@/lib/auth/browser-client";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The sign-in's second step: the app's six-digit code, a recovery code, or
 * a passkey. `submit` sends the code (or `answerWithPasskey` the passkey's
 * answer) with the password kept by the login form, and answers null when
 * signed in or the error's code.
 */
export function SecondFactorStep({
  credentials,
  submit,
  answerWithPasskey,
  otherError,
  startOver,
}: {
  credentials: { email: string; password: string };
  submit: (code: string) => Promise<string | null>;
  answerWithPasskey: (passkey: PasskeyAnswer) => Promise<string | null>;
  otherError: (code: string) => string;
  startOver: () => void;
}) {
  const t = useTranslations("twoFactor");
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    setPending(true);
    setError(null);
    const failure = await submit(code);
    if (!failure) return;
    setError(
      failure === "totp_invalid" || failure === "totp_required"
        ? t(recovery ? "invalidRecovery" : "invalidCode")
        : otherError(failure),
    );
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-labelledby="second-factor-title">
      <div>
        <h2
          id="second-factor-title"
          className="text-lg font-semibold text-slate-900 dark:text-white"
        >
          {t("signInTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {recovery ? t("signInRecoveryHint") : t("signInHint")}
        </p>
      </div>
      <ActionError message={error} testId="login-error" />
      {recovery ? (
        <TextField
          key="recovery"
          id="recovery-code"
          name="code"
          label={t("signInRecoveryLabel")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
      ) : (
        <TextField
          key="totp"
          id="totp-code"
          name="code"
          label={t("signInCodeLabel")}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]{6,7}"
          required
          autoFocus
        />
      )}
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? t("verifying") : t("verify")}
      </Button>
      <SecondFactorPasskey
        credentials={credentials}
        submit={answerWithPasskey}
        otherError={otherError}
        onError={setError}
        busy={pending}
      />
      <div className="flex flex-col items-start gap-2 text-sm sm:flex-row sm:justify-between">
        <button
          type="button"
          className="font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
          onClick={() => {
            setRecovery(!recovery);
            setError(null);
          }}
        >
          {recovery ? t("useApp") : t("useRecovery")}
        </button>
        <button
          type="button"
          className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          onClick={startOver}
        >
          {t("startOver")}
        </button>
      </div>
    </form>
  );
}
