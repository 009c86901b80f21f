"use client";

import { signOut } from "@/components/shell/sign-out";
import { useTranslations } from "@/lib/i18n/client";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { logoutEverywhereAction } from "@/lib/actions/settings";

export function LogoutEverywhereButton() {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          await logoutEverywhereAction();
          await signOut("/login");
        })
      }
    >
      {pending ? t("nav.loggingOut") : t("settings.logOutEverywhere")}
    </Button>
  );
}
