"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { RecoveryCodes } from "@/components/settings/two-factor-recovery-codes";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/lib/actions/two-factor";
import type { ActionState } from "@/lib/actions/result";
import { useTranslations } from "@/lib/i18n/client";

type Enrolment = { secret: string; otpauthUri: string; qr: string };

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
      <RecoveryCodes
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

function enrolmentOf(state: ActionState): Enrolment | null {
  if (state.status !== "ok" || !state.data) return null;
  const { secret, otpauthUri, qr } = state.data;
  return secret && otpauthUri && qr ? { secret, otpauthUri, qr } : null;
}

function TurnOn({ confirmed }: { confirmed: (codes: string[]) => void }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const start = useFormAction(startTotpAction);
  const confirm = useFormAction(confirmTotpAction, undefined, {
    onResult: (result) => {
      const list = result.status === "ok" ? result.data?.recoveryCodes : undefined;
      if (list) confirmed(list.split("\n"));
    },
  });
  const enrolment = enrolmentOf(start.state);

  if (!open) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("twoFactor.statusOff")}</p>
        <Button onClick={() => setOpen(true)}>{t("twoFactor.turnOn")}</Button>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <form onSubmit={start.submit} className="max-w-xl space-y-5">
        <FormAlert state={start.state} retry={start.retry} success={null} />
        <TextField
          id="totp-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          label={t("twoFactor.passwordLabel")}
          hint={t("twoFactor.passwordHint")}
          errors={fieldErrors(t, start.state, "password")}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={start.pending}>
            {start.pending ? t("twoFactor.starting") : t("twoFactor.continue")}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("twoFactor.cancel")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="max-w-xl space-y-6">
      <section aria-labelledby="totp-scan-title" className="space-y-3">
        <h3
          id="totp-scan-title"
          className="text-sm font-semibold text-slate-900 dark:text-slate-100"
        >
          {t("twoFactor.scanTitle")}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("twoFactor.scanHint")}</p>
        {/* A white square in dark mode too: scanners need the contrast. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
        <img
          src={enrolment.qr}
          alt={t("twoFactor.qrAlt")}
          width={192}
          height={192}
          data-testid="totp-qr"
          className="h-48 w-48 rounded-lg border border-slate-200 bg-white p-1 dark:border-slate-700"
        />
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("twoFactor.typeKey")}</p>
        <code
          data-testid="totp-secret"
          className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider break-all text-slate-900 dark:bg-slate-950 dark:text-slate-100"
        >
          {enrolment.secret}
        </code>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("twoFactor.setupLink")}</p>
        <CopyField value={enrolment.otpauthUri} testId="totp-uri" />
      </section>
      <form onSubmit={confirm.submit} className="space-y-4" aria-labelledby="totp-confirm-title">
        <h3
          id="totp-confirm-title"
          className="text-sm font-semibold text-slate-900 dark:text-slate-100"
        >
          {t("twoFactor.confirmTitle")}
        </h3>
        <FormAlert state={confirm.state} retry={confirm.retry} success={null} />
        <TextField
          id="totp-confirm-code"
          name="code"
          label={t("twoFactor.codeLabel")}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]{6,7}"
          required
          errors={fieldErrors(t, confirm.state, "code")}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={confirm.pending}>
            {confirm.pending ? t("twoFactor.confirming") : t("twoFactor.confirm")}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("twoFactor.cancel")}
          </Button>
        </div>
      </form>
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
