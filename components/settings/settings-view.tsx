import { CalendarFeedCard } from "@/components/settings/calendar-feed-card";
import { ChannelsCard } from "@/components/settings/channels-card";
import { EmailCard } from "@/components/settings/email-card";
import { LogoutEverywhereButton } from "@/components/settings/logout-everywhere-button";
import { OnDemandForm } from "@/components/settings/on-demand-form";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { PasskeysCard } from "@/components/settings/passkeys-card";
import { ProfileForm } from "@/components/settings/profile-form";
import { PushDevice } from "@/components/settings/push-device";
import { SessionList } from "@/components/settings/session-list";
import { TokenList } from "@/components/settings/token-list";
import { TwoFactorCard } from "@/components/settings/two-factor-card";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { ApiTokenSummary } from "@/lib/data/api-tokens";
import type { SessionSummary } from "@/lib/data/sessions";
import type { Locale } from "@/lib/domain/locales";
import { timeZoneChoices, timeZoneLabel } from "@/lib/domain/time-zones";
import type { NotificationSettingsView } from "@/lib/notifications/settings";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The settings page: profile, reminders, calendar, password, data, sessions, tokens, and leaving. */
export function SettingsView({
  user,
  tokens,
  sessions,
  thisSession,
  feed,
  notify,
  t,
  tn,
  format,
  security,
  sso,
}: {
  user: { name: string; email: string; locale: Locale; timeZone: string };
  tokens: ApiTokenSummary[];
  sessions: SessionSummary[];
  thisSession: string | null;
  feed: { createdAt: Date } | null;
  notify: NotificationSettingsView;
  t: Awaited<ReturnType<typeof getTranslations<"settings">>>;
  tn: Awaited<ReturnType<typeof getTranslations<"notifications">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
  /** Settings → Security (components/settings/security-log.tsx), rendered by the page. */
  security: ReactNode;
  /** Settings → Single sign-on (components/settings/sso-card.tsx), rendered by the page. */
  sso?: ReactNode;
}) {
  const timeZones = timeZoneChoices(user.locale, user.timeZone);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("profile")} description={t("profileBody")} />
          <ProfileForm
            name={user.name}
            locale={user.locale}
            timeZone={user.timeZone}
            timeZones={timeZones}
          />
        </Card>

        <Card id="notifications">
          <CardHeader title={tn("cardTitle")} description={tn("cardBody")} />
          <NotificationsForm
            settings={notify}
            email={user.email}
            zoneLabel={timeZoneLabel(timeZones, user.timeZone)}
            pushDevice={
              <PushDevice
                publicKey={notify.pushPublicKey}
                devices={tn("pushDevices", { count: notify.pushDevices })}
              />
            }
          />
          <p className="mt-4 text-sm">
            <Link
              href="/notifications"
              className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
            >
              {tn("listLink")}
            </Link>
          </p>
        </Card>

        <ChannelsCard />

        <Card>
          <CardHeader title={t("calendarTitle")} description={t("calendarBody")} />
          <CalendarFeedCard
            since={feed ? format.dateTime(feed.createdAt, { dateStyle: "medium" }) : null}
          />
        </Card>

        <Card>
          <CardHeader title={t("password")} description={t("passwordBody")} />
          <OnDemandForm which="password" label={t("changePassword")} />
        </Card>

        <EmailCard />

        <TwoFactorCard />

        <PasskeysCard />

        {sso}

        <Card>
          <CardHeader title={t("yourData")} description={t("yourDataBody")} />
          <a href="/api/v1/export" download className={buttonClasses("secondary")}>
            {t("downloadData")}
          </a>
        </Card>

        <Card>
          <CardHeader title={t("sessions")} description={t("sessionsBody")} />
          <SessionList sessions={sessions} thisSession={thisSession} date={date} t={t} />
          <LogoutEverywhereButton />
        </Card>

        {security}

        <Card>
          <CardHeader title={t("apiTokens")} description={t("apiTokensBody")} />
          <OnDemandForm which="createToken" label={t("newToken")} />
          <TokenList tokens={tokens} date={date} t={t} />
        </Card>

        <Card className="border-red-200 dark:border-red-900">
          <CardHeader title={t("dangerZone")} description={t("dangerBody")} />
          <OnDemandForm which="deleteAccount" label={t("deleteAccountOpen")} danger />
        </Card>
      </div>
    </>
  );
}
