import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { confirmPasswordReset } from "@/lib/services/reset-password";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";

/** The new password with a reset link's token; every session and token of the account ends. */
export const POST = publicApiRoute(async ({ request }) => {
  await confirmPasswordReset(
    await readJson(request),
    clientAddress(request.headers),
    request.headers.get("user-agent"),
  );
  return NextResponse.json({ ok: true });
});
