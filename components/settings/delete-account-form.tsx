"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { signOut } from "@/components/shell/sign-out";
import { deleteAccountAction } from "@/lib/actions/settings";

/** Opened from Settings' danger zone (on-demand-form.tsx); `close` puts its button back. */
export function DeleteAccountForm({ close }: { close: () => void }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(deleteAccountAction);

  useEffect(() => {
    if (state.status !== "ok") return;
    void signOut("/login?notice=account-deleted", { clearDrafts: true });
  }, [state]);

  return (
    <form onSubmit={submit} className="max-w-xl space-y-5">
      <FormAlert state={state} retry={retry} success={null} />
      <TextField
        id="delete-confirm-email"
        name="confirmEmail"
        type="email"
        autoComplete="off"
        required
        autoFocus
        label={t("settings.confirmEmail")}
        errors={fieldErrors(t, state, "confirmEmail")}
      />
      <TextField
        id="delete-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t("settings.confirmPassword")}
        errors={fieldErrors(t, state, "password")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" pending={pending} disabled={state.status === "ok"}>
          {pending ? t("settings.deleting") : t("settings.deleteAccount")}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
