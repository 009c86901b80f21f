"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { createTokenAction } from "@/lib/actions/settings";

export function CreateTokenForm() {
  const t = useTranslations();
  const { state, submit, pending } = useFormAction(createTokenAction);
  const [copied, setCopied] = useState<string | null>(null);
  const token = state.status === "ok" ? state.data?.token : undefined;

  return (
    <div className="max-w-xl space-y-4">
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField
            id="token-name"
            name="name"
            required
            maxLength={60}
            label={t("settings.tokenName")}
            placeholder={t("settings.tokenNamePlaceholder")}
            errors={fieldErrors(t, state, "name")}
          />
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? t("settings.creatingToken") : t("settings.createToken")}
        </Button>
      </form>
      {token ? (
        <Alert tone="success">
          <p className="font-semibold">{t("settings.newTokenTitle")}</p>
          <p className="mt-1">{t("settings.newTokenBody")}</p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code
              data-testid="new-token"
              className="block flex-1 overflow-x-auto rounded-md bg-white px-3 py-2 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100"
            >
              {token}
            </code>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(token).then(() => setCopied(token));
              }}
            >
              {copied === token ? t("common.copied") : t("common.copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
