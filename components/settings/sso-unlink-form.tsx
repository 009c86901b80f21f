"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { unlinkOidcAction } from "@/lib/actions/oidc";
import { useTranslations } from "@/lib/i18n/client";

/** Unlinks one identity; asks for the password when it would be the last way in. */
export function SsoUnlinkForm({
  id,
  email,
  needsPassword,
}: {
  id: string;
  email: string;
  needsPassword: boolean;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(unlinkOidcAction);
  return (
    <form
      onSubmit={(event) => {
        if (!window.confirm(t("oidc.unlinkConfirm"))) return event.preventDefault();
        submit(event);
      }}
      className="flex w-full flex-col gap-3 sm:w-64"
    >
      <FormAlert state={state} retry={retry} />
      <input type="hidden" name="id" value={id} />
      {needsPassword ? (
        <TextField
          id={`sso-password-${id}`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          label={t("oidc.passwordLabel")}
          hint={t("oidc.passwordHint")}
          errors={fieldErrors(t, state, "password")}
        />
      ) : null}
      <Button
        type="submit"
        variant="secondary"
        pending={pending}
        aria-label={t("oidc.unlinkAria", { email })}
      >
        {t("oidc.unlink")}
      </Button>
    </form>
  );
}
