import { NextResponse } from "next/server";
import { listDisputes } from "@/lib/data/disputes";
import { todayIn } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { disputeListSchema } from "@/lib/validation/disputes";
import { parseInput } from "@/lib/validation/parse";

/** The user's disputes, newest first, paged; `?status=` narrows. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(
    await listDisputes(
      user,
      parseInput(disputeListSchema, queryOf(request)),
      todayIn(user.timeZone),
    ),
  ),
);
