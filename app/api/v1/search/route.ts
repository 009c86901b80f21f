import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { searchEverything } from "@/lib/data/search";
import { noteSearchSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";

/** One search over cases, receipts and notes (docs/contract.md "Resources"). */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await searchEverything(user, parseInput(noteSearchSchema, queryOf(request)))),
);
