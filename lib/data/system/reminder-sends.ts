import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  GIVE_UP_AFTER_MS,
  retryDelayMs,
  type ReminderRoute,
  type Reminder,
  type ReminderKind,
} from "@/lib/domain/reminders";
import { planningUserSelect, toPlanningUser, type PlanningUser } from "./reminders";

// The sending half of the reminder machine, across all users: the rows
// ./reminders.ts planned are claimed under a lease, sent, then marked. The
// lease is what makes two senders (two processes, two instances) send each
// reminder once.

/** How long a sender holds what it claimed; a sender that died frees it after this. */
export const LEASE_MS = 60_000;

/** A notification's provider: through its case, or its subscription. */
export const withProvider = {
  case: { select: { subscription: { select: { provider: true } } } },
  subscription: { select: { provider: true } },
} satisfies Prisma.NotificationInclude;

export function providerOf(
  row: Prisma.NotificationGetPayload<{ include: typeof withProvider }>,
): string {
  return row.case?.subscription.provider ?? row.subscription?.provider ?? "";
}

export type DueGroup = { userId: string; channel: ReminderRoute; ids: string[] };

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
      channel: row.channel as ReminderRoute,
      ids: [],
    };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export type ClaimedReminder = Reminder & {
  id: string;
  channel: ReminderRoute;
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
    include: withProvider,
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
      provider: providerOf(r),
      caseId: r.caseId,
      subscriptionId: r.subscriptionId,
      noteId: r.noteId,
      channel: r.channel as ReminderRoute,
      createdAt: r.createdAt,
      attempts: r.attempts,
    })),
  };
}

export async function usersById(ids: string[]): Promise<PlanningUser[]> {
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: planningUserSelect });
  return rows.map(toPlanningUser);
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
