import { z } from "zod";
import {
  DELIVERY_MODES,
  RENEWAL_DAYS_MAX,
  REVIEW_DAYS_MAX,
  inQuietHours,
  isClockTime,
  type NotificationPrefs,
} from "@/lib/domain/reminders";
import { AppError } from "@/lib/errors/app-error";

// Settings → Notifications and PATCH /api/v1/me/notifications: every part
// optional, unknown keys refused, the result merged over what is saved.
const clockTime = z
  .string({ error: "clock_time_invalid" })
  .trim()
  .refine(isClockTime, { error: "clock_time_invalid" });

const flag = z.boolean({ error: "boolean_invalid" });

export const notificationSettingsPatchSchema = z.strictObject({
  delivery: z.enum(DELIVERY_MODES, { error: "delivery_invalid" }).optional(),
  digestTime: clockTime.optional(),
  quietHours: z.strictObject({ from: clockTime, to: clockTime }).nullable().optional(),
  channels: z.strictObject({ email: flag.optional(), push: flag.optional() }).optional(),
  reminders: z
    .strictObject({
      followUps: flag.optional(),
      renewals: flag.optional(),
      renewalDays: z
        .array(
          z
            .number({ error: "renewal_days_invalid" })
            .int({ error: "renewal_days_invalid" })
            .min(1, { error: "renewal_days_invalid" })
            .max(RENEWAL_DAYS_MAX, { error: "renewal_days_invalid" }),
          { error: "renewal_days_invalid" },
        )
        .max(3, { error: "renewal_days_too_many" })
        .optional(),
      review: flag.optional(),
      reviewDays: z
        .number({ error: "review_days_invalid" })
        .int({ error: "review_days_invalid" })
        .min(1, { error: "review_days_invalid" })
        .max(REVIEW_DAYS_MAX, { error: "review_days_invalid" })
        .optional(),
      statement: flag.optional(),
    })
    .optional(),
});
export type NotificationSettingsPatch = z.infer<typeof notificationSettingsPatchSchema>;

/** The saved preferences with the patch over them; a digest inside quiet hours is refused. */
export function applyNotificationPatch(
  prefs: NotificationPrefs,
  patch: NotificationSettingsPatch,
): NotificationPrefs {
  const quiet =
    patch.quietHours === undefined
      ? { quietFrom: prefs.quietFrom, quietTo: prefs.quietTo }
      : patch.quietHours === null || patch.quietHours.from === patch.quietHours.to
        ? { quietFrom: null, quietTo: null }
        : { quietFrom: patch.quietHours.from, quietTo: patch.quietHours.to };
  const reminders = patch.reminders ?? {};
  const next: NotificationPrefs = {
    emailOn: patch.channels?.email ?? prefs.emailOn,
    pushOn: patch.channels?.push ?? prefs.pushOn,
    delivery: patch.delivery ?? prefs.delivery,
    digestTime: patch.digestTime ?? prefs.digestTime,
    ...quiet,
    followUps: reminders.followUps ?? prefs.followUps,
    renewals: reminders.renewals ?? prefs.renewals,
    renewalDays: reminders.renewalDays
      ? [...new Set(reminders.renewalDays)].sort((a, b) => b - a)
      : prefs.renewalDays,
    review: reminders.review ?? prefs.review,
    reviewDays: reminders.reviewDays ?? prefs.reviewDays,
    statement: reminders.statement ?? prefs.statement,
  };
  const [h, m] = next.digestTime.split(":").map(Number) as [number, number];
  if (inQuietHours(next, h * 60 + m)) {
    throw new AppError("validation_failed", "The digest time falls inside the quiet hours.", {
      fields: { digestTime: ["digest_in_quiet_hours"] },
    });
  }
  return next;
}

/** The user's choices in GET /api/v1/me/notifications' shape (the export holds these alone). */
export function notificationPrefsJson(prefs: NotificationPrefs) {
  return {
    delivery: prefs.delivery,
    digestTime: prefs.digestTime,
    quietHours:
      prefs.quietFrom && prefs.quietTo ? { from: prefs.quietFrom, to: prefs.quietTo } : null,
    channels: { email: prefs.emailOn, push: prefs.pushOn },
    reminders: {
      followUps: prefs.followUps,
      renewals: prefs.renewals,
      renewalDays: prefs.renewalDays,
      review: prefs.review,
      reviewDays: prefs.reviewDays,
      statement: prefs.statement,
    },
  };
}

/** The JSON shape of GET|PATCH /api/v1/me/notifications (the patch's shape, filled in). */
export function notificationSettingsJson(
  prefs: NotificationPrefs,
  server: { emailAvailable: boolean; pushDevices: number; pushPublicKey: string },
) {
  return {
    ...notificationPrefsJson(prefs),
    emailAvailable: server.emailAvailable,
    pushDevices: server.pushDevices,
    pushPublicKey: server.pushPublicKey,
  };
}
