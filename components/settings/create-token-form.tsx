"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { createTokenAction } from "@/lib/actions/settings";
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIMES_DAYS } from "@/lib/domain/api-tokens";

/** Opened from Settings' API tokens card (on-demand-form.tsx); `close` puts its button back. */
export function CreateTokenForm({ close }: { close: () => void }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(createTokenAction, undefined, {
    resetOnSuccess: true,
  });
  const token = state.status === "ok" ? state.data?.token : undefined;

  return (
    <div className="max-w-xl space-y-4">
      <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2 empty:hidden">
          <FormAlert state={state} retry={retry} success={null} />
        </div>
        <TextField
          id="token-name"
          name="name"
          required
          autoFocus
          maxLength={60}
          label={t("settings.tokenName")}
          placeholder={t("settings.tokenNamePlaceholder")}
          errors={fieldErrors(t, state, "name")}
        />
        <SelectField
          id="token-lifetime"
          name="expiresInDays"
          defaultValue={String(DEFAULT_TOKEN_LIFETIME_DAYS)}
          label={t("settings.tokenLifetime")}
          errors={fieldErrors(t, state, "expiresInDays")}
        >
          {TOKEN_LIFETIMES_DAYS.map((days) => (
            <option key={days} value={days}>
              {t(`settings.tokenLifetime${days}`)}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <TextField
            id="token-password"
            name="currentPassword"
            type="password"
            required
            autoComplete="current-password"
            label={t("settings.tokenPassword")}
            hint={t("settings.tokenPasswordHint")}
            errors={fieldErrors(t, state, "currentPassword")}
          />
        </div>
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <Button type="submit" pending={pending}>
            {pending ? t("settings.creatingToken") : t("settings.createToken")}
          </Button>
          <Button variant="secondary" onClick={close}>
            {token ? t("settings.tokenDone") : t("common.cancel")}
          </Button>
        </div>
      </form>
      {token ? (
        <Alert tone="success">
          <p className="font-semibold">{t("settings.newTokenTitle")}</p>
          <p className="mt-1">{t("settings.newTokenBody")}</p>
          <CopyField value={token} testId="new-token" />
        </Alert>
      ) : null}
    </div>
  );
}
