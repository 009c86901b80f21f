"use client";

import { signInWithPassword } from "@/lib/auth/browser-client";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { registerAction } from "@/lib/actions/auth";
import { useDeviceTimeZone } from "@/components/ui/use-device-time-zone";
import { useFormAction } from "@/components/ui/use-form-action";

export function RegisterForm() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [signingIn, setSigningIn] = useState(false);
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const { state, submit, retry, pending } = useFormAction(registerAction, (form) => {
    credentials.current = {
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
  });
  const timeZone = useDeviceTimeZone() ?? "";

  // The account exists: sign in with the same credentials and go to the app.
  useEffect(() => {
    if (state.status !== "ok" || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    setSigningIn(true);
    void signInWithPassword(email, password).then((result) => {
      if (result.ok) {
        router.replace("/dashboard");
        router.refresh();
      } else {
        router.replace("/login");
      }
    });
  }, [state, router]);

  const busy = pending || signingIn;

  return (
    <form onSubmit={submit} className="space-y-5">
      <FormAlert state={state} retry={retry} success={null} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField
        id="name"
        name="name"
        label={t("auth.nameOptional")}
        autoComplete="name"
        maxLength={100}
        errors={fieldErrors(t, state, "name")}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("auth.email")}
        autoComplete="email"
        required
        errors={fieldErrors(t, state, "email")}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("auth.password")}
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("auth.passwordHint")}
        errors={fieldErrors(t, state, "password")}
      />
      <Button type="submit" className="w-full" pending={busy}>
        {busy ? t("auth.creatingAccount") : t("auth.createAccount")}
      </Button>
    </form>
  );
}
