import "server-only";
import { notificationPrefs, saveNotificationPrefs } from "@/lib/data/notification-settings";
import { pushDeviceCount } from "@/lib/data/push-subscriptions";
import type { Actor } from "@/lib/data/users";
import type { NotificationPrefs } from "@/lib/domain/reminders";
import { mailConfigured } from "@/lib/mail/transport";
import { vapidKeys } from "@/lib/push/vapid";
import {
  applyNotificationPatch,
  notificationSettingsJson,
  notificationSettingsPatchSchema,
} from "@/lib/validation/notifications";
import { parseInput } from "@/lib/validation/parse";

// Settings → Notifications and /api/v1/me/notifications read and write here.

export type NotificationSettingsView = ReturnType<typeof notificationSettingsJson>;

async function view(actor: Actor, prefs: NotificationPrefs): Promise<NotificationSettingsView> {
  return notificationSettingsJson(prefs, {
    emailAvailable: mailConfigured(),
    pushDevices: await pushDeviceCount(actor),
    pushPublicKey: vapidKeys().publicKey,
  });
}

export async function notificationSettings(actor: Actor): Promise<NotificationSettingsView> {
  return view(actor, await notificationPrefs(actor));
}

/** Validates the patch, merges it over what is saved, saves: all of it or nothing. */
export async function updateNotificationSettings(
  actor: Actor,
  input: unknown,
): Promise<NotificationSettingsView> {
  const patch = parseInput(notificationSettingsPatchSchema, input);
  const next = applyNotificationPatch(await notificationPrefs(actor), patch);
  return view(actor, await saveNotificationPrefs(actor, next));
}
