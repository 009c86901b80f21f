import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { deleteNote, getNote, updateNote } from "@/lib/data/notes";
import { todayIn } from "@/lib/domain/dates";
import { updateNoteSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getNote(user, params.id)),
);

export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateNoteSchema, await readJson(request));
  return NextResponse.json(await updateNote(user, params.id, input, todayIn(user.timeZone)));
});

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteNote(user, params.id);
  return new NextResponse(null, { status: 204 });
});
