import { NextResponse } from "next/server";
import { listAccounts } from "@/lib/data/statement-accounts";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

/** The statement accounts (one per imported label), newest first. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await listAccounts(user, parseInput(pageQuerySchema, queryOf(request)))),
);
