import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKind } from "@/lib/domain/channels";
import {
  routeChannel,
  type NotificationChannel,
  type NotificationStatus,
  type ReminderKind,
} from "@/lib/domain/reminders";
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
  /** email, push, or the kind of the user's channel it went to (ntfy, telegram…). */
  channel: NotificationChannel | ChannelKind;
  /** The user's channel it went to; null for email and push. */
  channelId: string | null;
  /** That channel's name, while it exists; null for email and push, or once it is removed. */
  channelName: string | null;
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

/** The names of the user's channels these rows went to (at most the ten a user keeps). */
export async function channelNamesOf(
  actor: Actor,
  rows: { channel: string }[],
): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => routeChannel(r.channel)?.id ?? []))];
  if (ids.length === 0) return new Map();
  const channels = await db.channel.findMany({
    where: { userId: actor.id, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(channels.map((c) => [c.id, c.name]));
}

export function toNotificationDto(
  r: NotificationRow,
  channelNames: ReadonlyMap<string, string>,
): NotificationDto {
  const channel = routeChannel(r.channel);
  return {
    id: r.id,
    kind: r.kind as ReminderKind,
    channel: channel ? channel.kind : (r.channel as NotificationChannel),
    channelId: channel?.id ?? null,
    channelName: channel ? (channelNames.get(channel.id) ?? null) : null,
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
  const names = await channelNamesOf(actor, page.items);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => toNotificationDto(r, names)),
  };
}
