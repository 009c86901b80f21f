import { NextResponse } from "next/server";
import { unsubscribeTokenUser } from "@/lib/crypto/unsubscribe";
import { turnOffEmail } from "@/lib/data/notification-settings";
import { AppError } from "@/lib/errors/app-error";
import { publicApiRoute } from "@/lib/http/api-route";

type Params = { token: string };

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs
 * "List-Unsubscribe=One-Click" here, with no session; the signed token says
 * whose reminder emails stop. The page's own button posts here too and is
 * sent back to the page.
 */
export const POST = publicApiRoute<Params>(async ({ request, params }) => {
  const userId = unsubscribeTokenUser(params.token);
  if (!userId || !(await turnOffEmail(userId))) {
    throw new AppError("not_found", "This unsubscribe link is not valid.");
  }
  if (request.headers.get("accept")?.includes("text/html")) {
    return NextResponse.redirect(new URL(`/unsubscribe/${params.token}?done=1`, request.url), 303);
  }
  return NextResponse.json({ unsubscribed: true });
});
