"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FailureAlert, useSettingsCall } from "@/components/settings/settings-call";
import { registerPasskey } from "@/components/settings/passkey-requests";
import { PASSKEY_NAME_MAX } from "@/lib/domain/passkeys";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The form that adds a passkey (current password, a name, then the device's
 * own prompt). Its code is fetched when "Add a passkey" is first pointed at
 * or pressed (lazy-settings-forms.tsx), not with Settings.
 */
export function AddPasskeyForm({
  done,
  close,
}: {
  done: (notice: string | null) => void;
  close: () => void;
}) {
  const t = useTranslations();
  const call = useSettingsCall(done, "passkeys.failed");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void call.run(
      () => registerPasskey(String(form.get("password") ?? ""), String(form.get("name") ?? "")),
      t("passkeys.addedNotice"),
      close,
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="passkey-add-form">
      <FailureAlert failure={call.failure} />
      <TextField
        id="passkey-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        label={t("passkeys.passwordLabel")}
        hint={t("passkeys.passwordHint")}
      />
      <TextField
        id="passkey-name"
        name="name"
        maxLength={PASSKEY_NAME_MAX}
        label={t("passkeys.nameLabel")}
        hint={t("passkeys.nameHint")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={call.pending}>
          {call.pending ? t("passkeys.creating") : t("passkeys.create")}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t("passkeys.cancel")}
        </Button>
      </div>
    </form>
  );
}
