"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/actions/auth";

export function ForgotPasswordForm() {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(requestPasswordResetAction);
  return (
    <form onSubmit={submit} className="space-y-5">
      <FormAlert state={state} retry={retry} testId="reset-request-message" />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t("auth.email")}
        errors={fieldErrors(t, state, "email")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? t("auth.resetSending") : t("auth.resetSend")}
      </Button>
    </form>
  );
}
