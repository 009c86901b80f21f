import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsView } from "@/components/settings/settings-view";
import { notificationSettings } from "@/lib/notifications/settings";
import { currentSessionId, requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { listSessions } from "@/lib/data/sessions";
import { calendarFeedStatus } from "@/lib/data/calendar-feed";
import { SecurityLog } from "@/components/settings/security-log";
import { SsoCard } from "@/components/settings/sso-card";
import { listSecurityEvents } from "@/lib/data/security-events";
import { orFirstPage } from "@/lib/http/or-first-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** Security-log entries per page of Settings → Security. */
const SECURITY_PAGE = 20;

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ security?: string; sso?: string }>;
}) {
  const user = await requireUser();
  const { security: cursor, sso } = await searchParams;
  const [t, tn, ts, format, tokens, sessions, thisSession, feed, notify, events] =
    await Promise.all([
      getTranslations("settings"),
      getTranslations("notifications"),
      getTranslations("securityLog"),
      getFormatter(),
      listApiTokens(user),
      listSessions(user),
      currentSessionId(),
      calendarFeedStatus(user),
      notificationSettings(user),
      orFirstPage(
        (from) => listSecurityEvents(user, { limit: SECURITY_PAGE, cursor: from }),
        cursor,
      ),
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
      sso={<SsoCard outcome={sso} />}
      security={
        <SecurityLog
          page={events}
          firstPage={!cursor}
          timeZone={user.timeZone}
          t={ts}
          format={format}
        />
      }
    />
  );
}
