"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { endSessionAction } from "@/lib/actions/settings";

/** Signs another browser out of the account, at once. */
export function EndSessionButton({ id, device }: { id: string; device: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`${t("settings.endSession")}: ${device}`}
        onClick={() => {
          setError(null);
          startTransition(async () => {
            const result = await endSessionAction(id);
            if (result.status === "error") setError(result.message || "common.unexpectedError");
          });
        }}
      >
        {t("settings.endSession")}
      </Button>
      {error ? <Alert tone="error">{t(error)}</Alert> : null}
    </div>
  );
}
