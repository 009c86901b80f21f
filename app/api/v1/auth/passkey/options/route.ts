import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { publicApiRoute } from "@/lib/http/api-route";
import { startPasskeySignIn } from "@/lib/auth/passkey-sign-in";

/** Sign-in options for a passkey alone; the answer goes to next-auth's `passkey` provider. */
export const POST = publicApiRoute(async ({ request }) =>
  NextResponse.json(await startPasskeySignIn(clientAddress(request.headers)), { status: 200 }),
);
