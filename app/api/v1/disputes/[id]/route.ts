import { NextResponse } from "next/server";
import { getDispute, updateDispute } from "@/lib/data/disputes";
import { todayIn } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { updateDisputeSchema } from "@/lib/validation/disputes";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getDispute(user, params.id, todayIn(user.timeZone))),
);

/** A provisional credit, an outcome, the reference or notes; an outcome closes the dispute. */
export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateDisputeSchema, await readJson(request));
  return NextResponse.json(await updateDispute(user, params.id, input, todayIn(user.timeZone)));
});
