"use client";

import { CopyField } from "@/components/ui/copy-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmTotpAction, startTotpAction } from "@/lib/actions/two-factor";
import type { ActionState } from "@/lib/actions/result";
import { useTranslations } from "@/lib/i18n/client";

type Enrolment = { secret: string; otpauthUri: string; qr: string };

function enrolmentOf(state: ActionState): Enrolment | null {
  if (state.status !== "ok" || !state.data) return null;
  const { secret, otpauthUri, qr } = state.data;
  return secret && otpauthUri && qr ? { secret, otpauthUri, qr } : null;
}

/**
 * Turning two-factor on: the password, then the QR code, the typed key and a
 * code to confirm. Its code is fetched when "Turn on two-factor" is first
 * pointed at or pressed (lazy-settings-forms.tsx), not with Settings.
 */
export function TwoFactorEnrolment({
  confirmed,
  cancel,
}: {
  confirmed: (codes: string[]) => void;
  cancel: () => void;
}) {
  const t = useTranslations();
  const start = useFormAction(startTotpAction);
  const confirm = useFormAction(confirmTotpAction, undefined, {
    onResult: (result) => {
      const list = result.status === "ok" ? result.data?.recoveryCodes : undefined;
      if (list) confirmed(list.split("\n"));
    },
  });
  const enrolment = enrolmentOf(start.state);

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
        <Actions
          pending={start.pending}
          label={start.pending ? t("twoFactor.starting") : t("twoFactor.continue")}
          cancel={cancel}
        />
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
        <Actions
          pending={confirm.pending}
          label={confirm.pending ? t("twoFactor.confirming") : t("twoFactor.confirm")}
          cancel={cancel}
        />
      </form>
    </div>
  );
}

/** A step's submit button and Cancel. */
function Actions({
  pending,
  label,
  cancel,
}: {
  pending: boolean;
  label: string;
  cancel: () => void;
}) {
  const t = useTranslations();
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" pending={pending}>
        {label}
      </Button>
      <Button variant="secondary" onClick={cancel}>
        {t("twoFactor.cancel")}
      </Button>
    </div>
  );
}
