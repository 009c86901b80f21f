import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notification-list";
import { orFirstPage } from "@/lib/http/or-first-page";
import { reminderWriter } from "@/lib/notifications/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("listTitle") };
}

const PAGE = 50;

/** What was sent, when and on which channel: newest first, 50 at a time. */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const user = await requireUser();
  const { cursor } = await searchParams;
  const [t, format, writer, page] = await Promise.all([
    getTranslations("notifications"),
    getFormatter(),
    reminderWriter(user.locale),
    orFirstPage((from) => listNotifications(user, { limit: PAGE, cursor: from }), cursor),
  ]);
  return (
    <NotificationsView
      page={page}
      firstPage={!cursor}
      timeZone={user.timeZone}
      writer={writer}
      t={t}
      format={format}
    />
  );
}
