"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { Link } from "@/components/ui/link";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmPasswordResetAction } from "@/lib/actions/auth";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(confirmPasswordResetAction);
  if (state.status === "ok") {
    return (
      <div className="space-y-5">
        <Alert tone="success" testId="reset-done">
          {t("auth.resetDone")}
        </Alert>
        <Link href="/login" className={buttonClasses("primary", "w-full")}>
          {t("auth.logIn")}
        </Link>
      </div>
    );
  }
  const linkErrors = fieldErrors(t, state, "token");
  return (
    <form onSubmit={submit} className="space-y-5">
      <FormAlert state={state} retry={retry} success={null} />
      {linkErrors ? <Alert tone="error">{linkErrors.join(" ")}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("settings.newPassword")}
        hint={t("auth.passwordHint")}
        errors={fieldErrors(t, state, "password")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? t("common.saving") : t("auth.resetConfirm")}
      </Button>
    </form>
  );
}
