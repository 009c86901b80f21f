"use server";

import { revalidatePath } from "next/cache";
import { requestClientContext } from "@/lib/auth/client-context";
import { withCurrentPasswordCheck } from "@/lib/auth/credentials";
import { requireUser } from "@/lib/auth/session";
import { revokeApiToken } from "@/lib/data/api-tokens";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/data/calendar-feed";
import { endSession } from "@/lib/data/sessions";
import { baseUrl } from "@/lib/config";
import {
  changePassword,
  deleteAccount,
  revokeAllSessions,
  updatePreferences,
} from "@/lib/data/users";
import {
  changePasswordSchema,
  createTokenSchema,
  deleteAccountSchema,
  preferencesSchema,
} from "@/lib/validation/auth";
import { z } from "zod";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { createApiTokenForUser } from "@/lib/services/create-api-token";
import { sendTestNotification } from "@/lib/services/send-test-notification";
import { formText, formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

const form =
  (names: string[]) =>
  ([, formData]: FormArgs): Record<string, unknown> =>
    formValues(formData, names);
const none = (_args: []) => ({});
const sessionOrTokenId = z.object({ id: z.string().min(1).max(64) });

export const updatePreferencesAction = userAction(
  preferencesSchema,
  async (user, input) => {
    await updatePreferences(user, input);
    revalidatePath("/", "layout");
    return { status: "ok", message: "common.saved" };
  },
  { input: form(["name", "locale", "timeZone"]) },
);

export const changePasswordAction = userAction(
  changePasswordSchema,
  async (user, input) => {
    const client = await requestClientContext();
    const event = await withCurrentPasswordCheck(user, client, () =>
      changePassword(user, input, client),
    );
    announceSecurityEvent(event);
    return { status: "ok" };
  },
  { input: form(["currentPassword", "newPassword"]) },
);

export async function logoutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  announceSecurityEvent(await revokeAllSessions(user, await requestClientContext()));
}

export const createTokenAction = userAction(
  createTokenSchema,
  async (user, input) => {
    const token = await createApiTokenForUser(user, input, await requestClientContext());
    revalidatePath("/settings");
    return { status: "ok", data: { token } };
  },
  { input: form(["name", "expiresInDays", "currentPassword"]) },
);

export const endSessionAction = userAction(
  sessionOrTokenId,
  async (user, { id }) => {
    await endSession(user, id);
    revalidatePath("/settings");
    return { status: "ok" };
  },
  { input: ([id]: [string]) => ({ id }) },
);

export const revokeTokenAction = userAction(
  sessionOrTokenId,
  async (user, { id }) => {
    announceSecurityEvent(await revokeApiToken(user, id, await requestClientContext()));
    revalidatePath("/settings");
    return { status: "ok" };
  },
  { input: ([id]: [string]) => ({ id }) },
);

export const deleteAccountAction = userAction(
  deleteAccountSchema,
  async (user, input) => {
    await withCurrentPasswordCheck(user, await requestClientContext(), () =>
      deleteAccount(user, input),
    );
    return { status: "ok" };
  },
  { input: form(["password", "confirmEmail"]) },
);

/** A new private calendar address (shown once); the old one stops working. */
export const createCalendarFeedAction = userAction(
  z.object({}),
  async (user) => {
    const token = await createCalendarFeed(user);
    revalidatePath("/settings");
    return { status: "ok", data: { url: `${baseUrl()}/calendar/${token}.ics` } };
  },
  { input: none },
);

export const revokeCalendarFeedAction = userAction(
  z.object({}),
  async (user) => {
    await revokeCalendarFeed(user);
    revalidatePath("/settings");
    return { status: "ok" };
  },
  { input: none },
);

// The form's days before a renewal are checked here, to name the form's own
// field; lib/notifications/settings.ts validates the rest as the API's patch.
const notificationFormSchema = z.looseObject({
  reminders: z.looseObject({
    renewalDays: z.array(z.unknown()).refine((days) => days.every((n) => Number.isSafeInteger(n)), {
      error: "renewal_days_invalid",
    }),
  }),
});

/** Settings → Notifications: the form's fields as the API's patch. */
export const saveNotificationSettingsAction = userAction(
  notificationFormSchema,
  async (user, patch) => {
    await updateNotificationSettings(user, patch);
    revalidatePath("/settings");
    return { status: "ok", message: "common.saved" };
  },
  { input: ([, formData]: FormArgs) => notificationPatch(formData) },
);

function notificationPatch(formData: FormData) {
  const on = (name: string) => formText(formData, name) === "on";
  const days = (formText(formData, "renewalDays") ?? "")
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  const reviewDays = formText(formData, "reviewDays")?.trim() ?? "";
  return {
    delivery: formText(formData, "delivery"),
    digestTime: formText(formData, "digestTime"),
    quietHours: on("quiet")
      ? { from: formText(formData, "quietFrom"), to: formText(formData, "quietTo") }
      : null,
    channels: {
      // A channel the form did not show (email on a server without SMTP) stays as it is.
      ...(formText(formData, "emailShown") ? { email: on("email") } : {}),
      push: on("push"),
    },
    reminders: {
      followUps: on("followUps"),
      renewals: on("renewals"),
      renewalDays: days,
      review: on("review"),
      reviewDays: /^\d{1,3}$/.test(reviewDays) ? Number(reviewDays) : reviewDays,
      statement: on("statement"),
    },
  };
}

/**
 * Settings → Notifications' "Send a test": each enabled channel's outcome as
 * `data` (channel → "sent" | "failed", and channel + "Error" → the server's
 * reason when it failed), for the page to say in its language.
 */
export const sendTestNotificationAction = userAction(
  z.object({}),
  async (user) => {
    const results = await sendTestNotification(user);
    return {
      status: "ok",
      data: Object.fromEntries(
        results.flatMap((r) => [
          [r.channel, r.ok ? "sent" : "failed"],
          ...(r.error ? [[`${r.channel}Error`, r.error]] : []),
        ]),
      ),
    };
  },
  { input: none },
);
