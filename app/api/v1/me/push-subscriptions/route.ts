import { NextResponse } from "next/server";
import { removePushSubscription, savePushSubscription } from "@/lib/data/push-subscriptions";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { parseInput } from "@/lib/validation/parse";
import { pushEndpointSchema, pushSubscriptionSchema } from "@/lib/validation/push";

/** A browser's PushSubscription (its toJSON()): reminders are pushed to it from now on. */
export const POST = apiRoute(async ({ request, user }) => {
  const input = parseInput(pushSubscriptionSchema, await readJson(request));
  await savePushSubscription(user, {
    ...input,
    userAgent: request.headers.get("user-agent") ?? "",
  });
  return NextResponse.json({ endpoint: input.endpoint }, { status: 201 });
});

/** That browser off. */
export const DELETE = apiRoute(async ({ request, user }) => {
  const { endpoint } = parseInput(pushEndpointSchema, await readJson(request));
  await removePushSubscription(user, endpoint);
  return new NextResponse(null, { status: 204 });
});
