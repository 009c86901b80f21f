import { NextResponse } from "next/server";
import { baseUrl } from "@/lib/config";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/data/calendar-feed";
import { apiRoute } from "@/lib/http/api-route";

/** A new secret calendar address; the old one, if any, stops working. */
export const POST = apiRoute(async ({ user }) =>
  NextResponse.json(
    { url: `${baseUrl()}/calendar/${await createCalendarFeed(user)}.ics` },
    { status: 201 },
  ),
);

/** The feed off: its address answers 404 from now on. */
export const DELETE = apiRoute(async ({ user }) => {
  await revokeCalendarFeed(user);
  return new Response(null, { status: 204 });
});
