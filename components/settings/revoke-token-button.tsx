"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "@/lib/actions/settings";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`${t("settings.revoke")}: ${name}`}
        onClick={() => {
          if (!window.confirm(t("settings.revokeConfirm", { name }))) return;
          setError(null);
          startTransition(async () => {
            const result = await revokeTokenAction(id);
            if (result.status === "error") setError(result.message || "common.unexpectedError");
          });
        }}
      >
        {t("settings.revoke")}
      </Button>
      {error ? <Alert tone="error">{t(error)}</Alert> : null}
    </div>
  );
}
