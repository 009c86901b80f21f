import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { caseJson } from "@/lib/http/case-json";
import { readJson } from "@/lib/http/body";
import { transitionCase } from "@/lib/data/cases";
import { transitionSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(transitionSchema, await readJson(request));
  return NextResponse.json(caseJson(user, await transitionCase(user, params.id, input)));
});
