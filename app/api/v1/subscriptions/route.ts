import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf, readJson } from "@/lib/http/body";
import { createSubscription, listSubscriptions } from "@/lib/data/subscriptions";
import { parseInput } from "@/lib/validation/parse";
import { pageQuerySchema } from "@/lib/validation/fields";
import { createSubscriptionSchema } from "@/lib/validation/subscriptions";

export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await listSubscriptions(user, parseInput(pageQuerySchema, queryOf(request)))),
);

export const POST = apiRoute(async ({ request, user }) => {
  const input = parseInput(createSubscriptionSchema, await readJson(request));
  return NextResponse.json(await createSubscription(user, input), { status: 201 });
});
