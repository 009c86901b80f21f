import { NextResponse } from "next/server";
import { getTransaction, setStatementDate } from "@/lib/data/transactions";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { updateTransactionSchema } from "@/lib/validation/imports";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getTransaction(user, params.id)),
);

/** `{statementDate}` (YYYY-MM-DD or null): the dispute date follows. */
export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateTransactionSchema, await readJson(request));
  return NextResponse.json(await setStatementDate(user, params.id, input.statementDate));
});
