import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { sendTestNotification } from "@/lib/services/send-test-notification";

/** A test message now on each enabled channel: `{results: [{channel, ok, error?}]}`. */
export const POST = apiRoute(async ({ user }) =>
  NextResponse.json({ results: await sendTestNotification(user) }),
);
