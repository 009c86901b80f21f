import { getFormatter, getTranslations } from "next-intl/server";
import { ChannelsPanel } from "@/components/settings/channels-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listChannels } from "@/lib/data/channels";
import { channelErrorKey } from "@/lib/domain/channels";

/** Settings → Channels: reads its own list, so the settings page needs one line for it. */
export async function ChannelsCard() {
  const user = await requireUser();
  const [t, format, channels] = await Promise.all([
    getTranslations("channels"),
    getFormatter(),
    listChannels(user),
  ]);
  // The last error in the reader's language when it is one the senders write, else as stored.
  const errorText = (stored: string) => {
    const known = channelErrorKey(stored);
    return known ? t(`errors.${known.key}`, known.values) : stored;
  };
  return (
    <Card id="channels">
      <CardHeader title={t("title")} description={t("description")} />
      <ChannelsPanel
        channels={channels.map((c) => ({
          id: c.id,
          kind: c.kind,
          name: c.name,
          target: c.target,
          enabled: c.enabled,
          lastStatus: c.lastStatus,
          lastError: c.lastError ? errorText(c.lastError) : null,
          lastSent: c.lastSentAt
            ? format.dateTime(c.lastSentAt, { dateStyle: "medium", timeStyle: "short" })
            : null,
        }))}
      />
    </Card>
  );
}
