import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { startPasskeySecondFactor } from "@/lib/services/passkey-second-factor";

/** Options for a passkey as the second factor, after the email and password again. */
export const POST = publicApiRoute(async ({ request }) => {
  const body = await readJson(request);
  const start = await startPasskeySecondFactor(body, await requestClientContext());
  return NextResponse.json(start, { status: 200 });
});
