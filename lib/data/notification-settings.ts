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
