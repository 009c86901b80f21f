"use client";

import { useTranslations } from "@/lib/i18n/client";
import { endSessionAction } from "@/lib/actions/settings";
import { RowActionButton } from "./row-action-button";

/** Signs another browser out of the account, at once. */
export function EndSessionButton({ id, device }: { id: string; device: string }) {
  const t = useTranslations("settings");
  return (
    <RowActionButton
      action={endSessionAction}
      id={id}
      label={t("endSession")}
      ariaLabel={`${t("endSession")}: ${device}`}
    />
  );
}
