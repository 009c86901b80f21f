import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsView } from "@/components/settings/settings-view";
import { notificationSettings } from "@/lib/notifications/settings";
import { currentSessionId, requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { listSessions } from "@/lib/data/sessions";
import { calendarFeedStatus } from "@/lib/data/calendar-feed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, tn, format, tokens, sessions, thisSession, feed, notify] = await Promise.all([
    getTranslations("settings"),
    getTranslations("notifications"),
    getFormatter(),
    listApiTokens(user),
    listSessions(user),
    currentSessionId(),
    calendarFeedStatus(user),
    notificationSettings(user),
  ]);
  return (
    <SettingsView
      user={user}
      tokens={tokens}
      sessions={sessions}
      thisSession={thisSession}
      feed={feed}
      notify={notify}
      t={t}
      tn={tn}
      format={format}
    />
  );
}
