import { NextResponse } from "next/server";
import { deleteChannel } from "@/lib/data/channels";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { editChannel } from "@/lib/services/channels";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ request, params, user }) =>
  NextResponse.json(await editChannel(user, params.id, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteChannel(user, params.id);
  return new NextResponse(null, { status: 204 });
});
