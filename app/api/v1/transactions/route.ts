import { NextResponse } from "next/server";
import { listTransactions } from "@/lib/data/transactions";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { transactionQuerySchema } from "@/lib/validation/imports";
import { parseInput } from "@/lib/validation/parse";

/** Statement lines with their match and flag (?subscriptionId=, ?account=, ?flagged=true), newest first. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(
    await listTransactions(user, parseInput(transactionQuerySchema, queryOf(request))),
  ),
);
