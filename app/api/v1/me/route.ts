import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { emailVerificationOf } from "@/lib/data/email-tokens";

/**
 * Who the request acts as: the quickest way for a script to check its token.
 * emailVerifiedAt (an extension) is null until the address's link is opened.
 */
export const GET = apiRoute(async ({ user }) => {
  const { verifiedAt } = await emailVerificationOf(user);
  return NextResponse.json({
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    emailVerifiedAt: verifiedAt?.toISOString() ?? null,
  });
});
