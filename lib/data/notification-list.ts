import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationChannel, NotificationStatus, ReminderKind } from "@/lib/domain/reminders";
import { afterCursor, toPage, type Page } from "./pagination";
import { providerOf, usersById, withProvider } from "./system/reminder-sends";
import type { PlanningUser } from "./system/reminders";
import type { Actor } from "./users";

// The notifications one user reads, and that user as the reminder machine
// sees them; the machine's own rows across all users are ./system/reminders.ts'.

/** The acting user as the reminder machine sees them: a test message goes by the same rules. */
export async function planningUserOf(actor: Actor): Promise<PlanningUser | null> {
  const [user] = await usersById([actor.id]);
  return user ?? null;
}

// ---- The list a user reads ----

export type NotificationDto = {
  id: string;
  kind: ReminderKind;
  channel: NotificationChannel;
  status: NotificationStatus;
  dueOn: string;
  eventOn: string;
  provider: string;
  caseId: string | null;
  subscriptionId: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  /** Nothing more about this reminder's event before this day; null: not snoozed. */
  snoozedUntil: string | null;
  /** When the user acknowledged it (no more reminders about its event); null: not yet. */
  acknowledgedAt: Date | null;
};

type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof withProvider }>;

export function toNotificationDto(r: NotificationRow): NotificationDto {
  return {
    id: r.id,
    kind: r.kind as ReminderKind,
    channel: r.channel as NotificationChannel,
    status: r.status as NotificationStatus,
    dueOn: r.dueOn,
    eventOn: r.eventOn,
    provider: providerOf(r),
    caseId: r.caseId,
    subscriptionId: r.subscriptionId,
    attempts: r.attempts,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    snoozedUntil: r.snoozedUntil,
    acknowledgedAt: r.acknowledgedAt,
  };
}

export async function listNotifications(
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<NotificationDto>> {
  const rows = await db.notification.findMany({
    where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: withProvider,
  });
  const page = toPage(rows, query.limit, (r) => r.createdAt);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(toNotificationDto),
  };
}
