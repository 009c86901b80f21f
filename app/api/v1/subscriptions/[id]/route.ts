import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { deleteSubscription, getSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { parseInput } from "@/lib/validation/parse";
import { updateSubscriptionSchema } from "@/lib/validation/subscriptions";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getSubscription(user, params.id)),
);

export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateSubscriptionSchema, await readJson(request));
  return NextResponse.json(await updateSubscription(user, params.id, input));
});

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteSubscription(user, params.id);
  return new NextResponse(null, { status: 204 });
});
