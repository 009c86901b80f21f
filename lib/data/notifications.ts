import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLOSED_STATES, isCaseState } from "@/lib/domain/case-workflow";
import { addDays, todayIn } from "@/lib/domain/dates";
import { isLocale, type Locale } from "@/lib/domain/locales";
import {
  DEFAULT_PREFS,
  GIVE_UP_AFTER_MS,
  WAITING_STATES,
  retryDelayMs,
  type NotificationChannel,
  type NotificationPrefs,
  type NotificationStatus,
  type Reminder,
  type ReminderFacts,
  type ReminderKind,
} from "@/lib/domain/reminders";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import { afterCursor, toPage, type Page } from "./pagination";
import { isUniqueViolation } from "./errors";
import type { Actor } from "./users";

// Reminders in the database: a user's preferences, the facts the rules in
// lib/domain/reminders.ts read, and the Notification rows that are both the
// record of what was sent and the claim that makes sending exactly-once.

type SettingsRow = Prisma.NotificationSettingsGetPayload<object>;

function toPrefs(row: SettingsRow | null): NotificationPrefs {
  if (!row) return { ...DEFAULT_PREFS };
  return {
    emailOn: row.emailOn,
    pushOn: row.pushOn,
    delivery: row.delivery === "each" ? "each" : "digest",
    digestTime: row.digestTime,
    quietFrom: row.quietFrom,
    quietTo: row.quietTo,
    followUps: row.followUps,
    renewals: row.renewals,
    renewalDays: row.renewalDays
      .split(",")
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0),
    review: row.review,
    reviewDays: row.reviewDays,
    statement: row.statement,
  };
}

function toRow(prefs: NotificationPrefs) {
  return { ...prefs, renewalDays: prefs.renewalDays.join(",") };
}

export async function notificationPrefs(actor: Actor): Promise<NotificationPrefs> {
  return toPrefs(await db.notificationSettings.findUnique({ where: { userId: actor.id } }));
}

/**
 * Saves the whole set (the caller merged and validated it). A new digest
 * time makes today plannable again: moved to a time already past, today's
 * reminders that have not gone yet go now.
 */
export async function saveNotificationPrefs(
  actor: Actor,
  prefs: NotificationPrefs,
): Promise<NotificationPrefs> {
  const data = toRow(prefs);
  const row = await db.$transaction(async (tx) => {
    const before = await tx.notificationSettings.findUnique({
      where: { userId: actor.id },
      select: { digestTime: true },
    });
    const replan = (before?.digestTime ?? DEFAULT_PREFS.digestTime) !== prefs.digestTime;
    return tx.notificationSettings.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, ...data },
      update: { ...data, ...(replan ? { plannedOn: null } : {}) },
    });
  });
  return toPrefs(row);
}

/** Email off for a user: the unsubscribe link, which needs no session. */
export async function turnOffEmail(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, emailOn: false },
    update: { emailOn: false },
  });
  return true;
}

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
};

export const USERS_PAGE = 500;

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
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      timeZone: true,
      notificationSettings: true,
      _count: { select: { pushSubscriptions: true } },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: isLocale(u.locale) ? u.locale : "en",
    timeZone: u.timeZone,
    prefs: toPrefs(u.notificationSettings),
    plannedOn: u.notificationSettings?.plannedOn ?? null,
    pushDevices: u._count.pushSubscriptions,
  }));
}

/** How many of each kind of fact one user's day reads, at most (soonest first). */
const FACTS_MAX = 1000;
/** A yearly plan's statement check is a year after its confirmation. */
const CONFIRMED_DAYS_BACK = 400;
/** Call-backs and renewals further back or ahead than any rule looks are not read. */
const FACTS_PAST_DAYS = 14;

/** What the reminder rules read about a user, dates in their zone. */
export async function reminderFacts(
  user: { id: string; timeZone: string },
  today: string,
  renewalDaysMax: number,
): Promise<ReminderFacts> {
  const from = addDays(today, -FACTS_PAST_DAYS);
  const open = { notIn: [...CLOSED_STATES] };
  const [cases, notes, subscriptions] = await Promise.all([
    db.cancellationCase.findMany({
      where: {
        userId: user.id,
        OR: [
          { state: open },
          {
            state: "confirmation_received",
            closedAt: { gte: new Date(`${addDays(today, -CONFIRMED_DAYS_BACK)}T00:00:00Z`) },
          },
        ],
      },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      take: FACTS_MAX,
      select: {
        id: true,
        state: true,
        nextFollowUpOn: true,
        closedAt: true,
        subscription: { select: { provider: true, billingCycle: true } },
      },
    }),
    db.note.findMany({
      where: { userId: user.id, followUpOn: { gte: from, lte: today }, case: { state: open } },
      orderBy: [{ followUpOn: "asc" }, { id: "asc" }],
      take: FACTS_MAX,
      select: { id: true, caseId: true, followUpOn: true },
    }),
    db.subscription.findMany({
      where: {
        userId: user.id,
        status: { not: "cancelled" },
        nextRenewalOn: { gt: today, lte: addDays(today, renewalDaysMax) },
      },
      orderBy: [{ nextRenewalOn: "asc" }, { id: "asc" }],
      take: FACTS_MAX,
      select: { id: true, provider: true, nextRenewalOn: true },
    }),
  ]);

  const waiting = cases
    .filter((c) => (WAITING_STATES as readonly string[]).includes(c.state))
    .map((c) => c.id);
  const [lastNotes, lastMoves] = waiting.length
    ? await Promise.all([
        db.note.groupBy({
          by: ["caseId"],
          where: { userId: user.id, caseId: { in: waiting } },
          _max: { occurredAt: true },
        }),
        db.caseEvent.groupBy({
          by: ["caseId"],
          where: { userId: user.id, caseId: { in: waiting } },
          _max: { at: true },
        }),
      ])
    : [[], []];
  const lastContact = new Map<string, Date>();
  for (const row of [
    ...lastNotes.map((n) => [n.caseId, n._max.occurredAt] as const),
    ...lastMoves.map((e) => [e.caseId, e._max.at] as const),
  ]) {
    const [caseId, at] = row;
    if (at && (!lastContact.has(caseId) || lastContact.get(caseId)! < at))
      lastContact.set(caseId, at);
  }
  const local = (at: Date) => todayIn(user.timeZone, at);

  return {
    cases: cases.flatMap((c) =>
      isCaseState(c.state)
        ? [
            {
              id: c.id,
              state: c.state,
              provider: c.subscription.provider,
              nextFollowUpOn: c.nextFollowUpOn,
              lastContactOn: local(lastContact.get(c.id) ?? new Date()),
              confirmedOn:
                c.state === "confirmation_received" && c.closedAt ? local(c.closedAt) : null,
              billingCycle: c.subscription.billingCycle as BillingCycle,
            },
          ]
        : [],
    ),
    callBacks: notes.map((n) => ({ noteId: n.id, caseId: n.caseId, followUpOn: n.followUpOn! })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      provider: s.provider,
      cancelled: false,
      nextRenewalOn: s.nextRenewalOn,
    })),
  };
}

/**
 * Stores the reminders, one row per channel; a reminder already stored (by
 * this process or another) is left as it is. Returns how many were new.
 */
export async function recordReminders(
  userId: string,
  reminders: Reminder[],
  channels: NotificationChannel[],
  now: Date,
): Promise<number> {
  let added = 0;
  for (const r of reminders) {
    for (const channel of channels) {
      try {
        await db.notification.create({
          data: {
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
          },
        });
        added += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
  return added;
}

export async function markPlanned(userId: string, date: string): Promise<void> {
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, plannedOn: date },
    update: { plannedOn: date },
  });
}

// ---- Sending: claim, then send, then mark ----

/** How long a sender holds what it claimed; a sender that died frees it after this. */
export const LEASE_MS = 60_000;

export type DueGroup = { userId: string; channel: NotificationChannel; ids: string[] };

/** Reminders ready to go (pending, their time come, no live lease), grouped by user and channel. */
export async function dueGroups(now: Date, limit = 500): Promise<DueGroup[]> {
  const rows = await db.notification.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, userId: true, channel: true },
  });
  const groups = new Map<string, DueGroup>();
  for (const row of rows) {
    const key = `${row.userId}|${row.channel}`;
    const group = groups.get(key) ?? {
      userId: row.userId,
      channel: row.channel as NotificationChannel,
      ids: [],
    };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export type ClaimedReminder = Reminder & {
  id: string;
  channel: NotificationChannel;
  createdAt: Date;
  attempts: number;
};

export type ClaimedBatch = {
  user: PlanningUser;
  reminders: ClaimedReminder[];
};

/**
 * Takes the rows for this sender: only those still pending with no live
 * lease become its own (one conditional update, so two senders never both
 * take a row). Counts the attempt now, so a sender killed mid-send still
 * counts towards giving up.
 */
export async function claimReminders(ids: string[], now: Date): Promise<ClaimedBatch | null> {
  const leaseId = randomUUID();
  const claimed = await db.notification.updateMany({
    where: {
      id: { in: ids },
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseId, leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return null;
  const rows = await db.notification.findMany({
    where: { leaseId },
    orderBy: [{ kind: "asc" }, { dueOn: "asc" }, { id: "asc" }],
    include: {
      case: { select: { subscription: { select: { provider: true } } } },
      subscription: { select: { provider: true } },
    },
  });
  const first = rows[0];
  if (!first) return null;
  const [user] = await usersById([first.userId]);
  if (!user) return null;
  return {
    user,
    reminders: rows.map((r) => ({
      id: r.id,
      kind: r.kind as ReminderKind,
      targetId: r.targetId,
      dueOn: r.dueOn,
      eventOn: r.eventOn,
      provider: r.case?.subscription.provider ?? r.subscription?.provider ?? "",
      caseId: r.caseId,
      subscriptionId: r.subscriptionId,
      noteId: r.noteId,
      channel: r.channel as NotificationChannel,
      createdAt: r.createdAt,
      attempts: r.attempts,
    })),
  };
}

async function usersById(ids: string[]): Promise<PlanningUser[]> {
  const rows = await db.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      timeZone: true,
      notificationSettings: true,
      _count: { select: { pushSubscriptions: true } },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: isLocale(u.locale) ? u.locale : "en",
    timeZone: u.timeZone,
    prefs: toPrefs(u.notificationSettings),
    plannedOn: u.notificationSettings?.plannedOn ?? null,
    pushDevices: u._count.pushSubscriptions,
  }));
}

export async function markSent(ids: string[], now: Date): Promise<void> {
  await db.notification.updateMany({
    where: { id: { in: ids } },
    data: { status: "sent", sentAt: now, leaseId: null, leaseUntil: null, lastError: null },
  });
}

export async function markSkipped(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.notification.updateMany({
    where: { id: { in: ids } },
    data: { status: "skipped", leaseId: null, leaseUntil: null },
  });
}

/** Puts claimed rows back to wait (quiet hours): not an attempt. */
export async function postpone(ids: string[], until: Date): Promise<void> {
  await db.notification.updateMany({
    where: { id: { in: ids } },
    data: { nextAttemptAt: until, leaseId: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

/** A failed send: tried again after a back-off, or failed for good once a day has passed. */
export async function markFailedAttempt(
  reminders: Pick<ClaimedReminder, "id" | "attempts" | "createdAt">[],
  now: Date,
  error: string,
): Promise<void> {
  const lastError = error.slice(0, 200);
  for (const r of reminders) {
    const next = new Date(now.getTime() + retryDelayMs(r.attempts));
    const giveUp = next.getTime() - r.createdAt.getTime() > GIVE_UP_AFTER_MS;
    await db.notification.update({
      where: { id: r.id },
      data: giveUp
        ? { status: "failed", leaseId: null, leaseUntil: null, lastError }
        : { nextAttemptAt: next, leaseId: null, leaseUntil: null, lastError },
    });
  }
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
};

export async function listNotifications(
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<NotificationDto>> {
  const rows = await db.notification.findMany({
    where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: {
      case: { select: { subscription: { select: { provider: true } } } },
      subscription: { select: { provider: true } },
    },
  });
  const page = toPage(rows, query.limit, (r) => r.createdAt);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind as ReminderKind,
      channel: r.channel as NotificationChannel,
      status: r.status as NotificationStatus,
      dueOn: r.dueOn,
      eventOn: r.eventOn,
      provider: r.case?.subscription.provider ?? r.subscription?.provider ?? "",
      caseId: r.caseId,
      subscriptionId: r.subscriptionId,
      attempts: r.attempts,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
  };
}
