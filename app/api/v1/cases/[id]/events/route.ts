import { NextResponse } from "next/server";
import { listCaseEvents } from "@/lib/data/case-record";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** The whole history of a case, newest first (the case's GET embeds the newest 100). */
export const GET = apiRoute<Params>(async ({ request, params, user }) =>
  NextResponse.json(
    await listCaseEvents(user, params.id, parseInput(pageQuerySchema, queryOf(request))),
  ),
);
