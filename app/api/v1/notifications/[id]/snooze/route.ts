import { NextResponse } from "next/server";
import { snoozeNotification } from "@/lib/data/reminder-states";
import { todayIn } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { snoozeSchema } from "@/lib/validation/reminder-rules";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** `{until}` → 200 with the notification: nothing about its event before that day. */
export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const { until } = parseInput(snoozeSchema, await readJson(request));
  return NextResponse.json(
    await snoozeNotification(user, params.id, until, todayIn(user.timeZone)),
  );
});
