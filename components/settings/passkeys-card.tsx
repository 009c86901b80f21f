import { getFormatter, getTranslations } from "next-intl/server";
import { PasskeysPanel } from "@/components/settings/passkeys-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listPasskeys } from "@/lib/data/passkeys";

/** Settings → Passkeys: reads its own list, so the settings page needs one line for it. */
export async function PasskeysCard() {
  const user = await requireUser();
  const [t, format, passkeys] = await Promise.all([
    getTranslations("passkeys"),
    getFormatter(),
    listPasskeys(user),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  return (
    <Card id="passkeys">
      <CardHeader title={t("title")} description={t("description")} />
      <PasskeysPanel
        passkeys={passkeys.map((p) => ({
          id: p.id,
          name: p.name,
          added: day(p.createdAt),
          lastUsed: p.lastUsedAt ? day(p.lastUsedAt) : null,
        }))}
      />
    </Card>
  );
}
