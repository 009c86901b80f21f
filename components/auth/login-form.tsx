"use client";

import { signInWithPassword } from "@/lib/auth/browser-client";
import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { TextField } from "@/components/ui/field";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button stays focusable while signing in (aria-disabled): a second submit is ignored.
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(
      String(form.get("email") ?? ""),
      String(form.get("password") ?? ""),
    ).catch(() => ({ ok: false, error: "network" }));
    if (!result.ok) {
      setError(
        result.error === "rate_limited"
          ? t("rateLimited")
          : result.error === "network"
            ? t("networkError")
            : t("invalidCredentials"),
      );
      setPending(false);
      return;
    }
    // The page sent a checked path; checked again against where the browser really is.
    router.replace(safeRedirectPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
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
  );
}
