"use server";

import { revalidatePath } from "next/cache";
import { requestClientContext } from "@/lib/auth/client-context";
import { withCurrentPasswordCheck } from "@/lib/auth/credentials";
import { requireUser } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/data/calendar-feed";
import { endSession } from "@/lib/data/sessions";
import { baseUrl } from "@/lib/config";
import {
  changePassword,
  deleteAccount,
  revokeAllSessions,
  updatePreferences,
  verifyCurrentPassword,
} from "@/lib/data/users";
import {
  changePasswordSchema,
  createTokenSchema,
  deleteAccountSchema,
  preferencesSchema,
} from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { sendTestNotification } from "@/lib/notifications/test-send";
import { formText, formValues, toActionState, type ActionState } from "./result";

export async function updatePreferencesAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const input = parseInput(
      preferencesSchema,
      formValues(formData, ["name", "locale", "timeZone"]),
    );
    await updatePreferences(user, input);
    revalidatePath("/", "layout");
    return { status: "ok", message: "common.saved" };
  });
}

export async function changePasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const input = parseInput(
      changePasswordSchema,
      formValues(formData, ["currentPassword", "newPassword"]),
    );
    await withCurrentPasswordCheck(user, await requestClientContext(), () =>
      changePassword(user, input),
    );
    return { status: "ok" };
  });
}

export async function logoutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await revokeAllSessions(user);
}

export async function createTokenAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const input = parseInput(
      createTokenSchema,
      formValues(formData, ["name", "expiresInDays", "currentPassword"]),
    );
    const { token } = await withCurrentPasswordCheck(
      user,
      await requestClientContext(),
      async () => {
        await verifyCurrentPassword(user, input.currentPassword, "currentPassword");
        return createApiToken(user, input.name, input.expiresInDays);
      },
    );
    revalidatePath("/settings");
    return { status: "ok", data: { token } };
  });
}

export async function endSessionAction(id: string): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    await endSession(user, parseInput(z.string().min(1).max(64), id));
    revalidatePath("/settings");
    return { status: "ok" };
  });
}

export async function revokeTokenAction(id: string): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    await revokeApiToken(user, parseInput(z.string().min(1).max(64), id));
    revalidatePath("/settings");
    return { status: "ok" };
  });
}

export async function deleteAccountAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const input = parseInput(
      deleteAccountSchema,
      formValues(formData, ["password", "confirmEmail"]),
    );
    await withCurrentPasswordCheck(user, await requestClientContext(), () =>
      deleteAccount(user, input),
    );
    return { status: "ok" };
  });
}

/** A new private calendar address (shown once); the old one stops working. */
export async function createCalendarFeedAction(): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const token = await createCalendarFeed(user);
    revalidatePath("/settings");
    return { status: "ok", data: { url: `${baseUrl()}/calendar/${token}.ics` } };
  });
}

export async function revokeCalendarFeedAction(): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    await revokeCalendarFeed(user);
    revalidatePath("/settings");
    return { status: "ok" };
  });
}

/** Settings → Notifications: the form's fields as the API's patch. */
export async function saveNotificationSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
    const on = (name: string) => formText(formData, name) === "on";
    const days = (formText(formData, "renewalDays") ?? "")
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
    if (days.some((n) => !Number.isSafeInteger(n))) {
      throw new AppError("validation_failed", "Days before a renewal are whole numbers.", {
        fields: { "reminders.renewalDays": ["renewal_days_invalid"] },
      });
    }
    const reviewDays = formText(formData, "reviewDays")?.trim() ?? "";
    await updateNotificationSettings(user, {
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
    });
    revalidatePath("/settings");
    return { status: "ok", message: "common.saved" };
  });
}

/**
 * Settings → Notifications' "Send a test": each enabled channel's outcome as
 * `data` (channel → "sent" | "failed", and channel + "Error" → the server's
 * reason when it failed), for the page to say in its language.
 */
export async function sendTestNotificationAction(): Promise<ActionState> {
  const user = await requireUser();
  return toActionState(async () => {
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
  });
}
