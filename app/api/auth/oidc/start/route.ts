import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/config";
import { oidcOff, oidcRedirect } from "@/lib/http/oidc-redirects";
import { beginOidcSignIn } from "@/lib/services/oidc-callback";

/** Single sign-on, first half: to the provider, with PKCE, state and nonce (decision 025). */
export async function GET(request: NextRequest) {
  const settings = oidcSettings();
  if (!settings) return oidcOff();
  const returnTo = request.nextUrl.searchParams.get("callbackUrl");
  const step = await beginOidcSignIn(settings, returnTo);
  return oidcRedirect(step, (await getCurrentUser()) !== null);
}
