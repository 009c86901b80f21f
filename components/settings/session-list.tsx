import { EndSessionButton } from "@/components/settings/end-session-button";
import type { SessionSummary } from "@/lib/data/sessions";
import { describeUserAgent } from "@/lib/domain/user-agent";
import type { getTranslations } from "next-intl/server";

/** The browsers signed in to the account; each but this one can be signed out from here. */
export function SessionList({
  sessions,
  thisSession,
  date,
  t,
}: {
  sessions: SessionSummary[];
  thisSession: string | null;
  date: (value: Date) => string;
  t: Awaited<ReturnType<typeof getTranslations<"settings">>>;
}) {
  return (
    <ul className="mb-4 divide-y divide-slate-100 dark:divide-slate-800" data-testid="session-list">
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
  );
}
