import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PREFS, type NotificationPrefs } from "@/lib/domain/reminders";
import type { Actor } from "./users";

// What a user wants to be reminded of, how and when (Settings →
// Notifications). No row means the defaults.

type SettingsRow = Prisma.NotificationSettingsGetPayload<object>;

export function toPrefs(row: SettingsRow | null): NotificationPrefs {
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
 * Saves the whole set (the caller merged and validated it). Any change makes
 * today plannable again: a digest time moved to one already past, a channel
 * or a kind of reminder turned on, and today's reminders that have not gone
 * on that channel go at the next tick.
 */
export async function saveNotificationPrefs(
  actor: Actor,
  prefs: NotificationPrefs,
): Promise<NotificationPrefs> {
  const data = toRow(prefs);
  const row = await db.notificationSettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...data },
    update: { ...data, plannedOn: null },
  });
  return toPrefs(row);
}

/**
 * Something was written that can make a reminder due today (a follow-up, a
 * call-back, a renewal, a flagged charge, a push device): the user's day is
 * planned again at the next tick once their digest time has passed, instead
 * of the next day. Called after the write has committed, so that planning
 * sees it. Nothing goes twice: a reminder already recorded on a channel is
 * not recorded again (the claim's unique key).
 */
export async function replanToday(userId: string): Promise<void> {
  await db.notificationSettings.updateMany({
    where: { userId, plannedOn: { not: null } },
    data: { plannedOn: null },
  });
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
