import { NextResponse } from "next/server";
import { listSecurityEvents } from "@/lib/data/security-events";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

/** The account's security log, newest first: `{id, kind, at, userAgent?}` (the contract's fields only). */
export const GET = apiRoute(async ({ request, user }) => {
  const page = await listSecurityEvents(user, parseInput(pageQuerySchema, queryOf(request)));
  return NextResponse.json({
    items: page.items.map(({ id, kind, at, userAgent }) => ({
      id,
      kind,
      at,
      ...(userAgent ? { userAgent } : {}),
    })),
    nextCursor: page.nextCursor,
  });
});
