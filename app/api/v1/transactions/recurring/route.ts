import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { findRecurringCharges } from "@/lib/services/find-recurring-charges";

/** Recurring charges found in the user's statements, newest first, each with its covering subscription. */
export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ items: await findRecurringCharges(user) }),
);
