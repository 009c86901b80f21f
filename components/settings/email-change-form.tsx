"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestEmailChangeAction } from "@/lib/actions/email";
import { useTranslations } from "@/lib/i18n/client";

/** Opened from Settings → Email (on-demand-form.tsx); `close` puts its button back. */
export function EmailChangeForm({ close }: { close: () => void }) {
  const t = useTranslations("emailVerification");
  const tAll = useTranslations();
  const { state, submit, retry, pending } = useFormAction(requestEmailChangeAction, undefined, {
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={submit} className="space-y-5" data-testid="email-change-form">
      <FormAlert state={state} retry={retry} />
      <TextField
        id="new-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        label={t("newEmail")}
        errors={fieldErrors(tAll, state, "email")}
      />
      <TextField
        id="email-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t("currentPassword")}
        errors={fieldErrors(tAll, state, "currentPassword")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {t("change")}
        </Button>
        <Button variant="secondary" onClick={close}>
          {tAll("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
