"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { disableTotpAction } from "@/lib/actions/two-factor";
import { useTranslations } from "@/lib/i18n/client";

/**
 * Two-factor when it is on: since when, the recovery codes left, and turning
 * it off with a code. Only accounts with two-factor on show it, so its code
 * comes with the on-demand chunk (lazy-settings-forms.tsx), not with Settings.
 */
export function TwoFactorOn({
  since,
  recoveryCodesLeft,
}: {
  since: string;
  recoveryCodesLeft: number;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(disableTotpAction);
  return (
    <div className="max-w-xl space-y-4">
      <Alert tone="success" testId="totp-status">
        {t("twoFactor.statusOn", { date: since })}{" "}
        {t("twoFactor.recoveryLeft", { count: recoveryCodesLeft })}
      </Alert>
      {recoveryCodesLeft <= 3 ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">{t("twoFactor.recoveryLow")}</p>
      ) : null}
      <form onSubmit={submit} className="space-y-4">
        <FormAlert state={state} retry={retry} success={null} />
        <TextField
          id="totp-off-code"
          name="code"
          label={t("twoFactor.turnOffCodeLabel")}
          hint={t("twoFactor.turnOffHint")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          errors={fieldErrors(t, state, "code")}
        />
        <Button type="submit" variant="danger" pending={pending}>
          {pending ? t("twoFactor.turningOff") : t("twoFactor.turnOff")}
        </Button>
      </form>
    </div>
  );
}
