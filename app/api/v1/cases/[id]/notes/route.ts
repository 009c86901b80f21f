import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf, readJson } from "@/lib/http/body";
import { addNote, listCaseNotes } from "@/lib/data/notes";
import { todayIn } from "@/lib/domain/dates";
import { pageQuerySchema } from "@/lib/validation/fields";
import { createNoteSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** All of a case's notes, newest first (the case's GET embeds the newest 100). */
export const GET = apiRoute<Params>(async ({ request, params, user }) =>
  NextResponse.json(
    await listCaseNotes(user, params.id, parseInput(pageQuerySchema, queryOf(request))),
  ),
);

export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(createNoteSchema, await readJson(request));
  return NextResponse.json(await addNote(user, params.id, input, todayIn(user.timeZone)), {
    status: 201,
  });
});
