import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { caseJson, casePageJson } from "@/lib/http/case-json";
import { queryOf, readJson } from "@/lib/http/body";
import { listCases } from "@/lib/data/case-lists";
import { openCase } from "@/lib/data/cases";
import { todayIn } from "@/lib/domain/dates";
import { caseListQuerySchema, openCaseSchema } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";

export const GET = apiRoute(async ({ request, user }) => {
  const query = parseInput(caseListQuerySchema, queryOf(request));
  return NextResponse.json(
    casePageJson(user, await listCases(user, { ...query, today: todayIn(user.timeZone) })),
  );
});

export const POST = apiRoute(async ({ request, user }) => {
  const input = parseInput(openCaseSchema, await readJson(request));
  return NextResponse.json(caseJson(user, await openCase(user, input)), { status: 201 });
});
