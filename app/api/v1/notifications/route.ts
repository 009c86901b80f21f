import { NextResponse } from "next/server";
import { listNotifications } from "@/lib/data/notification-list";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

/** What was sent (or is waiting, or failed), when, on which channel: newest first. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await listNotifications(user, parseInput(pageQuerySchema, queryOf(request)))),
);
