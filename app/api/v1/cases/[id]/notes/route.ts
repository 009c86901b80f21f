import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { addNote } from "@/lib/data/notes";
import { todayIn } from "@/lib/domain/dates";
import { createNoteSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(createNoteSchema, await readJson(request));
  return NextResponse.json(await addNote(user, params.id, input, todayIn(user.timeZone)), {
    status: 201,
  });
});
