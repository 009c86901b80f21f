import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarFeedCard } from "@/components/settings/calendar-feed-card";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { PushDevice } from "@/components/settings/push-device";
import { Link } from "@/components/ui/link";
import { notificationSettings } from "@/lib/notifications/settings";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { EndSessionButton } from "@/components/settings/end-session-button";
import { LogoutEverywhereButton } from "@/components/settings/logout-everywhere-button";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { timeZoneOptions } from "@/lib/domain/time-zones";
import { PageHeader } from "@/components/ui/page-header";
import { currentSessionId, requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { listSessions } from "@/lib/data/sessions";
import { calendarFeedStatus } from "@/lib/data/calendar-feed";
import { describeUserAgent } from "@/lib/domain/user-agent";

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
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(user.timeZone)) zones.unshift(user.timeZone);
  const timeZones = timeZoneOptions(user.locale, zones);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const now = new Date();

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
            zoneLabel={
              [...timeZones.common, ...timeZones.other].find((z) => z.value === user.timeZone)
                ?.label ?? user.timeZone
            }
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

        <Card>
          <CardHeader title={t("calendarTitle")} description={t("calendarBody")} />
          <CalendarFeedCard
            since={feed ? format.dateTime(feed.createdAt, { dateStyle: "medium" }) : null}
          />
        </Card>

        <Card>
          <CardHeader title={t("password")} description={t("passwordBody")} />
          <PasswordForm />
        </Card>

        <Card>
          <CardHeader title={t("yourData")} description={t("yourDataBody")} />
          <a href="/api/v1/export" download className={buttonClasses("secondary")}>
            {t("downloadData")}
          </a>
        </Card>

        <Card>
          <CardHeader title={t("sessions")} description={t("sessionsBody")} />
          <ul
            className="mb-4 divide-y divide-slate-100 dark:divide-slate-800"
            data-testid="session-list"
          >
            {sessions.map((session) => {
              const { browser, system } = describeUserAgent(session.userAgent);
              const device =
                browser && system
                  ? t("deviceOn", { browser, system })
                  : (browser ?? system ?? t("deviceUnknown"));
              return (
                <li
                  key={session.id}
                  className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="min-w-0">
                    <p className="font-medium">
                      {device}
                      {session.id === thisSession ? (
                        <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
                          {t("thisBrowser")}
                        </span>
                      ) : null}
                    </p>
                    <p className="text-xs text-slate-500 dark:text-slate-400">
                      {t("sessionStarted", { date: date(session.createdAt) })} ·{" "}
                      {t("sessionLastSeen", { date: date(session.lastSeenAt) })}
                    </p>
                  </div>
                  {session.id === thisSession ? null : (
                    <EndSessionButton id={session.id} device={device} />
                  )}
                </li>
              );
            })}
          </ul>
          <LogoutEverywhereButton />
        </Card>

        <Card>
          <CardHeader title={t("apiTokens")} description={t("apiTokensBody")} />
          <CreateTokenForm />
          <ul
            className="mt-6 divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800"
            data-testid="token-list"
          >
            {tokens.length === 0 ? (
              <li className="py-4 text-sm text-slate-500 dark:text-slate-400">{t("noTokens")}</li>
            ) : null}
            {tokens.map((token) => (
              <li
                key={token.id}
                className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {token.name}{" "}
                    <code className="ml-1 font-mono text-xs text-slate-500">{token.hint}…</code>
                  </p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {t("tokenCreated", { date: date(token.createdAt) })} ·{" "}
                    {token.lastUsedAt
                      ? t("tokenLastUsed", { date: date(token.lastUsedAt) })
                      : t("tokenNeverUsed")}
                    {token.expiresAt && !token.revokedAt ? (
                      <>
                        {" "}
                        ·{" "}
                        {token.expiresAt <= now
                          ? t("tokenExpired")
                          : t("tokenExpires", { date: date(token.expiresAt) })}
                      </>
                    ) : null}
                  </p>
                </div>
                {token.revokedAt ? (
                  <span className="self-start rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-600 sm:self-center dark:bg-slate-800 dark:text-slate-300">
                    {t("tokenRevoked")}
                  </span>
                ) : (
                  <RevokeTokenButton id={token.id} name={token.name} />
                )}
              </li>
            ))}
          </ul>
        </Card>

        <Card className="border-red-200 dark:border-red-900">
          <CardHeader title={t("dangerZone")} description={t("dangerBody")} />
          <DeleteAccountForm />
        </Card>
      </div>
    </>
  );
}
