import "server-only";
import { db } from "@/lib/db/client";
import { isSnoozeDay } from "@/lib/domain/reminder-rules";
import { AppError } from "@/lib/errors/app-error";
import { notFoundError } from "./errors";
import { channelNamesOf, toNotificationDto, type NotificationDto } from "./notification-list";
import { withProvider } from "./system/reminder-sends";
import type { Actor } from "./users";

// Snooze and acknowledge (issue 36): what the user says about a reminder
// holds for its event (kind, target, event day) on every channel and every
// repeat, so it is written to all of that event's rows; the reminder rules
// read it back (lib/data/reminder-facts.ts).

const notificationNotFound = () => notFoundError("Notification");

async function eventOf(actor: Actor, id: string) {
  const row = await db.notification.findFirst({
    where: { id, userId: actor.id },
    select: { kind: true, targetId: true, eventOn: true },
  });
  if (!row) throw notificationNotFound();
  return { userId: actor.id, ...row };
}

async function answer(actor: Actor, id: string): Promise<NotificationDto> {
  const row = await db.notification.findFirst({
    where: { id, userId: actor.id },
    include: withProvider,
  });
  if (!row) throw notificationNotFound();
  return toNotificationDto(row, await channelNamesOf(actor, [row]));
}

/** Nothing about the reminder's event until `until` (after `today`, the user's, within a year). */
export async function snoozeNotification(
  actor: Actor,
  id: string,
  until: string,
  today: string,
): Promise<NotificationDto> {
  // Someone else's id is "not found" whatever the day.
  const event = await eventOf(actor, id);
  if (!isSnoozeDay(until, today)) {
    throw new AppError(
      "validation_failed",
      "Snooze until a day after today, at most a year away.",
      {
        fields: { until: ["snooze_until_invalid"] },
      },
    );
  }
  await db.notification.updateMany({ where: event, data: { snoozedUntil: until } });
  return answer(actor, id);
}

/** No more reminders about the event: repeats stop, a snooze is over. Doing it twice is fine. */
export async function acknowledgeNotification(
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<NotificationDto> {
  await db.notification.updateMany({
    where: { ...(await eventOf(actor, id)), acknowledgedAt: null },
    data: { acknowledgedAt: now, snoozedUntil: null },
  });
  return answer(actor, id);
}
