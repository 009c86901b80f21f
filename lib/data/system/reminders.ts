import "server-only";
import { db } from "@/lib/db/client";
import { dialect } from "@/lib/db/dialect";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, todayIn } from "@/lib/domain/dates";
import { CHANNELS_PER_USER, isChannelKind, type ChannelKind } from "@/lib/domain/channels";
import { isLocale, type Locale } from "@/lib/domain/locales";
import {
  NOTIFICATION_CHANNELS,
  REMINDERS_PER_DAY_MAX,
  reminderKey,
  type NotificationPrefs,
  type Reminder,
  type ReminderKind,
  type ReminderRoute,
} from "@/lib/domain/reminders";
import { isUniqueViolation } from "../errors";
import { toPrefs } from "../notification-settings";

// The reminder machine's rows across all users (hence lib/data/system/: no
// Actor here): who is due to be planned, and the Notification rows that are
// both the record of what was sent and the claim that makes sending
// exactly-once (claimed and marked in ./reminder-sends.ts). One user's list:
// ../notification-list.ts.

// ---- Planning: whose day has come, what is due for them ----

export type PlanningUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  prefs: NotificationPrefs;
  plannedOn: string | null;
  pushDevices: number;
  /** The user's channels that are on (kind and id; their secrets are opened only to send). */
  channels: { id: string; kind: ChannelKind }[];
};

export const USERS_PAGE = 500;

export const planningUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  timeZone: true,
  notificationSettings: true,
  _count: { select: { pushSubscriptions: true } },
  channels: {
    where: { enabled: true },
    select: { id: true, kind: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: CHANNELS_PER_USER,
  },
} satisfies Prisma.UserSelect;

export function toPlanningUser(
  u: Prisma.UserGetPayload<{ select: typeof planningUserSelect }>,
): PlanningUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: isLocale(u.locale) ? u.locale : "en",
    timeZone: u.timeZone,
    prefs: toPrefs(u.notificationSettings),
    plannedOn: u.notificationSettings?.plannedOn ?? null,
    pushDevices: u._count.pushSubscriptions,
    channels: u.channels.flatMap((c) =>
      isChannelKind(c.kind) ? [{ id: c.id, kind: c.kind }] : [],
    ),
  };
}

/**
 * Users whose day may not be planned yet, a page at a time (id order). Every
 * local date is within a day of UTC's, so anyone planned for tomorrow-in-UTC
 * is done and left out.
 */
export async function usersToPlan(now: Date, afterId: string | null): Promise<PlanningUser[]> {
  const tomorrowUtc = addDays(now.toISOString().slice(0, 10), 1);
  const rows = await db.user.findMany({
    where: {
      ...(afterId ? { id: { gt: afterId } } : {}),
      OR: [
        { notificationSettings: null },
        { notificationSettings: { plannedOn: null } },
        { notificationSettings: { plannedOn: { lt: tomorrowUtc } } },
      ],
    },
    orderBy: { id: "asc" },
    take: USERS_PAGE,
    select: planningUserSelect,
  });
  return rows.map(toPlanningUser);
}

/** What a user's day already holds, when it is planned again (see recordedOn). */
export type RecordedDay = {
  /** reminderKey of each reminder recorded that day, on any channel. */
  reminders: Set<string>;
  /** reminderKey|channel of each row recorded that day. */
  rows: Set<string>;
};

/**
 * The reminders recorded for a user on their local day `date` (planning
 * again later that day counts them against the day's cap and does not try
 * to insert them again). A day holds at most REMINDERS_PER_DAY_MAX per
 * route (email, push and each channel), so the rows of the last 26 hours,
 * newest first, are bounded.
 */
export async function recordedOn(
  user: { id: string; timeZone: string },
  date: string,
  now: Date,
): Promise<RecordedDay> {
  const rows = await db.notification.findMany({
    where: {
      userId: user.id,
      createdAt: { gte: new Date(now.getTime() - 26 * 3_600_000), lte: now },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 2 * REMINDERS_PER_DAY_MAX * (NOTIFICATION_CHANNELS.length + CHANNELS_PER_USER),
    select: { kind: true, targetId: true, dueOn: true, channel: true, createdAt: true },
  });
  const day = rows
    .filter((r) => todayIn(user.timeZone, r.createdAt) === date)
    .map((r) => ({ key: reminderKey({ ...r, kind: r.kind as ReminderKind }), channel: r.channel }));
  return {
    reminders: new Set(day.map((r) => r.key)),
    rows: new Set(day.map((r) => `${r.key}|${r.channel}`)),
  };
}

/**
 * Stores a user's reminders for the day, one row per channel, and marks the
 * day planned, in one transaction: a sender sees all of the day's rows or
 * none, so a digest is never split between two senders (one taking the
 * first rows while the rest are still being written). A reminder already
 * stored (by this process or another) is left as it is, and one known to be
 * stored (`known`: reminderKey|channel) is not tried. Returns how many were new.
 */
export async function recordReminders(
  userId: string,
  reminders: Reminder[],
  channels: ReminderRoute[],
  now: Date,
  plannedOn: string,
  known: ReadonlySet<string> = new Set(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = reminders.flatMap((r) =>
      channels
        .filter((channel) => !known.has(`${reminderKey(r)}|${channel}`))
        .map((channel) => ({
          userId,
          kind: r.kind,
          targetId: r.targetId,
          dueOn: r.dueOn,
          channel,
          eventOn: r.eventOn,
          caseId: r.caseId,
          subscriptionId: r.subscriptionId,
          noteId: r.noteId,
          nextAttemptAt: now,
          createdAt: now,
        })),
    );
    let added = 0;
    if (dialect() === "postgres") {
      // A unique violation aborts a PostgreSQL transaction: ON CONFLICT DO
      // NOTHING (skipDuplicates) leaves a row another planner stored, in one
      // statement. The SQLite client's types know no skipDuplicates.
      const notifications = tx.notification as unknown as {
        createMany(args: {
          data: typeof rows;
          skipDuplicates: boolean;
        }): Promise<{ count: number }>;
      };
      if (rows.length) {
        added = (await notifications.createMany({ data: rows, skipDuplicates: true })).count;
      }
    } else {
      for (const data of rows) {
        // SQLite keeps the transaction going after a unique violation.
        try {
          await tx.notification.create({ data });
          added += 1;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    }
    await tx.notificationSettings.upsert({
      where: { userId },
      create: { userId, plannedOn },
      update: { plannedOn },
    });
    return added;
  });
}

export async function markPlanned(userId: string, date: string): Promise<void> {
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, plannedOn: date },
    update: { plannedOn: date },
  });
}

/** What was sent is kept this long. */
export const NOTIFICATIONS_KEPT_DAYS = 180;

/** Part of a user's daily housekeeping: notifications older than that (one indexed delete). */
export async function pruneNotifications(userId: string, now: Date): Promise<void> {
  await db.notification.deleteMany({
    where: {
      userId,
      createdAt: { lt: new Date(now.getTime() - NOTIFICATIONS_KEPT_DAYS * 86_400_000) },
    },
  });
}
