import { NextResponse } from "next/server";
import { acknowledgeNotification } from "@/lib/data/reminder-states";
import { apiRoute } from "@/lib/http/api-route";

type Params = { id: string };

/** → 200 with the notification: no more reminders about its event. */
export const POST = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await acknowledgeNotification(user, params.id)),
);
