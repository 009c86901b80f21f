"use client";

import { useTranslations } from "@/lib/i18n/client";
import { revokeTokenAction } from "@/lib/actions/settings";
import { RowActionButton } from "./row-action-button";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("settings");
  return (
    <RowActionButton
      action={revokeTokenAction}
      id={id}
      label={t("revoke")}
      ariaLabel={`${t("revoke")}: ${name}`}
      confirmMessage={t("revokeConfirm", { name })}
    />
  );
}
