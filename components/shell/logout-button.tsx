"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { pendingProps } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";
import { preloadSignOut, signOut } from "./sign-out";

export function LogoutButton() {
  const t = useTranslations("nav");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      onPointerEnter={preloadSignOut}
      onFocus={preloadSignOut}
      onTouchStart={preloadSignOut}
      {...pendingProps(pending, () => {
        setPending(true);
        // Offline, or the code could not be fetched: still signed in, drafts kept; try again.
        signOut("/login", { clearDrafts: true }).catch(() => setPending(false));
      })}
      className="flex w-full items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <LogOutIcon />
      {pending ? t("loggingOut") : t("logOut")}
    </button>
  );
}
