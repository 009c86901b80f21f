import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { notificationSettings, updateNotificationSettings } from "@/lib/notifications/settings";

/** Which reminders, on which channels, when: the user's notification settings. */
export const GET = apiRoute(async ({ user }) =>
  NextResponse.json(await notificationSettings(user)),
);

/** Any part of the settings; what is left out stays as it is. */
export const PATCH = apiRoute(async ({ request, user }) =>
  NextResponse.json(await updateNotificationSettings(user, await readJson(request))),
);
