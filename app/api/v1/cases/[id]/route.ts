import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { caseJson } from "@/lib/http/case-json";
import { readJson } from "@/lib/http/body";
import { updateCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { updateCaseSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(caseJson(user, await getCase(user, params.id))),
);

export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateCaseSchema, await readJson(request));
  return NextResponse.json(caseJson(user, await updateCase(user, params.id, input)));
});
