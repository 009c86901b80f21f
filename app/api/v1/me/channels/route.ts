import { NextResponse } from "next/server";
import { listChannels } from "@/lib/data/channels";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { addChannel } from "@/lib/services/channels";

/** The caller's notification channels, oldest first; secrets only as a mask. */
export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ items: await listChannels(user) }),
);

/** A new channel; a target the outbound guard refuses is 422 target_not_allowed. */
export const POST = apiRoute(async ({ request, user }) =>
  NextResponse.json(await addChannel(user, await readJson(request)), { status: 201 }),
);
