"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  LazyRecoveryCodes,
  LazyTwoFactorEnrolment,
  LazyTwoFactorOn,
  preloadSettingsForms,
} from "@/components/settings/lazy-settings-forms";
import { useTranslations } from "@/lib/i18n/client";

/**
 * Two-factor's states: off (turn on with the password), enrolling (QR code,
 * typed key and a code to confirm), the recovery codes shown once, and on
 * (turn off with a code). The codes stay on screen until the person says
 * they saved them, whatever the page's status says meanwhile.
 */
export function TwoFactorPanel({
  email,
  enabledSince,
  recoveryCodesLeft,
}: {
  email: string;
  enabledSince: string | null;
  recoveryCodesLeft: number;
}) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) {
    return (
      <LazyRecoveryCodes
        codes={codes}
        email={email}
        done={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }
  if (enabledSince) {
    return <LazyTwoFactorOn since={enabledSince} recoveryCodesLeft={recoveryCodesLeft} />;
  }
  return <TurnOn confirmed={setCodes} />;
}

function TurnOn({ confirmed }: { confirmed: (codes: string[]) => void }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  if (open) return <LazyTwoFactorEnrolment confirmed={confirmed} cancel={() => setOpen(false)} />;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("twoFactor.statusOff")}</p>
      <Button onClick={() => setOpen(true)} {...preloadSettingsForms}>
        {t("twoFactor.turnOn")}
      </Button>
    </div>
  );
}
