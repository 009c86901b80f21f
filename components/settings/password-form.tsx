"use client";

import { signOut } from "@/components/shell/sign-out";
import { useTranslations } from "@/lib/i18n/client";
import { useEffect } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "@/lib/actions/settings";

/** Opened from Settings → Password (on-demand-form.tsx); `close` puts its button back. */
export function PasswordForm({ close }: { close: () => void }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(changePasswordAction);

  // Every session, this one included, was revoked with the old password.
  useEffect(() => {
    if (state.status === "ok") void signOut("/login?notice=password-changed");
  }, [state]);

  return (
    <form onSubmit={submit} className="max-w-xl space-y-5">
      <FormAlert state={state} retry={retry} success={null} />
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        label={t("settings.currentPassword")}
        errors={fieldErrors(t, state, "currentPassword")}
      />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        label={t("settings.newPassword")}
        hint={t("auth.passwordHint")}
        errors={fieldErrors(t, state, "newPassword")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending} disabled={state.status === "ok"}>
          {pending ? t("common.saving") : t("settings.changePassword")}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
