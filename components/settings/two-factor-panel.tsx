"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  LazyRecoveryCodes,
  LazyTwoFactorEnrolment,
  preloadSettingsForms,
} from "@/components/settings/lazy-settings-forms";
import { disableTotpAction } from "@/lib/actions/two-factor";
import { useTranslations } from "@/lib/i18n/client";

/**
 * Two-factor's states: off (turn on with the password), enrolling (QR code,
 * typed key and a code to confirm), the recovery codes shown once, and on
 * (turn off with a code). The codes stay on screen until the person says
 * they saved them, whatever the page's status says meanwhile.
 */
export function TwoFactorPanel({
  email,
  enabledSince,
  recoveryCodesLeft,
}: {
  email: string;
  enabledSince: string | null;
  recoveryCodesLeft: number;
}) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) {
    return (
      <LazyRecoveryCodes
        codes={codes}
        email={email}
        done={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }
  if (enabledSince) {
    return <TurnOff since={enabledSince} recoveryCodesLeft={recoveryCodesLeft} />;
  }
  return <TurnOn confirmed={setCodes} />;
}

function TurnOn({ confirmed }: { confirmed: (codes: string[]) => void }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  if (open) return <LazyTwoFactorEnrolment confirmed={confirmed} cancel={() => setOpen(false)} />;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("twoFactor.statusOff")}</p>
      <Button onClick={() => setOpen(true)} {...preloadSettingsForms}>
        {t("twoFactor.turnOn")}
      </Button>
    </div>
  );
}

function TurnOff({ since, recoveryCodesLeft }: { since: string; recoveryCodesLeft: number }) {
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
