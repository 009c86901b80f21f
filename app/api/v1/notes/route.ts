import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { searchNotes } from "@/lib/data/notes";
import { noteSearchSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";

/** Search across all of the user's notes: `?q=` matches summary, outcome, agent and reference. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await searchNotes(user, parseInput(noteSearchSchema, queryOf(request)))),
);
