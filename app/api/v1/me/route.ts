import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";

/** Who the request acts as: the quickest way for a script to check its token. */
export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
  }),
);
