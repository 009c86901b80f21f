"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "@/lib/actions/settings";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("settings");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      aria-label={`${t("revoke")}: ${name}`}
      onClick={() => {
        if (!window.confirm(t("revokeConfirm", { name }))) return;
        startTransition(() => revokeTokenAction(id));
      }}
    >
      {t("revoke")}
    </Button>
  );
}
