import { NextResponse } from "next/server";
import { fileDispute } from "@/lib/data/disputes";
import { todayIn } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { fileDisputeSchema } from "@/lib/validation/disputes";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** `{filedOn, channel, reference?}` → 201; 409 when the line already has an open dispute. */
export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(fileDisputeSchema, await readJson(request));
  const dispute = await fileDispute(user, params.id, input, todayIn(user.timeZone));
  return NextResponse.json(dispute, { status: 201 });
});
