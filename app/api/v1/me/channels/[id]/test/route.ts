import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { testChannel } from "@/lib/services/channels";

type Params = { id: string };

/** Sends the test message at once; 202 with the channel and its new lastStatus and lastError. */
export const POST = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await testChannel(user, params.id), { status: 202 }),
);
