import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { BellIcon } from "@/components/ui/icons";
import { Link } from "@/components/ui/link";
import { ReminderControls } from "@/components/notifications/reminder-controls";
import { PageHeader } from "@/components/ui/page-header";
import type { NotificationDto } from "@/lib/data/notification-list";
import type { Page } from "@/lib/data/pagination";
import { todayIn } from "@/lib/domain/dates";
import type { reminderWriter } from "@/lib/notifications/text";
import type { getFormatter, getTranslations } from "next-intl/server";

function statusOf(n: NotificationDto): { key: string; tone: BadgeTone } {
  if (n.status === "sent") return { key: "status_sent", tone: "success" };
  if (n.status === "failed") return { key: "status_failed", tone: "danger" };
  if (n.status === "skipped") return { key: "status_skipped", tone: "neutral" };
  return n.attempts > 0
    ? { key: "status_retrying", tone: "warning" }
    : { key: "status_pending", tone: "info" };
}

/** What was sent, when and on which channel: newest first, a page at a time. */
export function NotificationsView({
  page,
  firstPage,
  timeZone,
  writer,
  t,
  format,
}: {
  page: Page<NotificationDto>;
  /** No cursor in the link: an empty list means nothing was ever sent. */
  firstPage: boolean;
  timeZone: string;
  writer: Awaited<ReturnType<typeof reminderWriter>>;
  t: Awaited<ReturnType<typeof getTranslations<"notifications">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const today = todayIn(timeZone);
  const when = (at: Date) =>
    format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone });

  return (
    <>
      <PageHeader title={t("listTitle")} description={t("listSubtitle")} />
      {page.items.length === 0 && firstPage ? (
        <EmptyState
          icon={<BellIcon className="size-6" />}
          title={t("listTitle")}
          body={t("empty")}
          action={
            <Link
              href="/settings#notifications"
              className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
            >
              {t("cardTitle")}
            </Link>
          }
        />
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          data-testid="notification-list"
        >
          {page.items.map((n) => {
            const status = statusOf(n);
            const link = writer.link(n);
            return (
              <li key={n.id} className="grid gap-2 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:gap-4">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                    <span>{t(`kind_${n.kind}`)}</span>
                    <span aria-hidden="true">·</span>
                    <span>{t(`channel_${n.channel}`)}</span>
                    {n.channelName ? (
                      <>
                        <span aria-hidden="true">·</span>
                        <span className="min-w-0 font-normal tracking-normal break-words normal-case">
                          {n.channelName}
                        </span>
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm break-words text-slate-900 dark:text-slate-100">
                    {writer.line(n, n.sentAt ? todayIn(timeZone, n.sentAt) : today)}
                  </p>
                  <Link
                    href={link.path}
                    className="text-sm font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
                  >
                    {link.label}
                  </Link>
                </div>
                <div className="space-y-1 text-sm sm:text-right">
                  <Badge tone={status.tone} testId="notification-status">
                    {t(status.key, { count: n.attempts + 1 })}
                  </Badge>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {n.sentAt
                      ? t("sentAt", { date: when(n.sentAt) })
                      : t("plannedAt", { date: when(n.createdAt) })}
                  </p>
                  {n.status === "sent" ? (
                    <ReminderControls
                      id={n.id}
                      today={today}
                      snoozedUntil={n.snoozedUntil}
                      acknowledged={n.acknowledgedAt !== null}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {page.nextCursor ? (
        <p className="mt-4 text-center">
          <Link
            href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
          >
            {t("more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
