import { getFormatter, getTranslations } from "next-intl/server";
import { TwoFactorPanel } from "@/components/settings/two-factor-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { readTotpStatus } from "@/lib/data/totp";

/** Settings → Two-factor: reads its own status, so the settings page needs one line for it. */
export async function TwoFactorCard() {
  const user = await requireUser();
  const [t, format, status] = await Promise.all([
    getTranslations("twoFactor"),
    getFormatter(),
    readTotpStatus(user),
  ]);
  return (
    <Card id="two-factor">
      <CardHeader title={t("title")} description={t("description")} />
      <TwoFactorPanel
        email={user.email}
        enabledSince={
          status.enabled && status.enabledAt
            ? format.dateTime(status.enabledAt, { dateStyle: "medium" })
            : null
        }
        recoveryCodesLeft={status.recoveryCodesLeft}
      />
    </Card>
  );
}
