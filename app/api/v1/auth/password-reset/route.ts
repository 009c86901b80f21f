import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/services/reset-password";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";

/** 202 whether or not the account exists; a mail goes out when it does (and email is set up). */
export const POST = publicApiRoute(async ({ request }) => {
  await requestPasswordReset(await readJson(request), clientAddress(request.headers));
  return NextResponse.json({ ok: true }, { status: 202 });
});
