import type { NextRequest } from "next/server";
import { OIDC_FLOW_COOKIE } from "@/lib/auth/oidc-flow";
import { getCurrentUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/config";
import { oidcOff, oidcRedirect } from "@/lib/http/oidc-redirects";
import { completeOidcSignIn } from "@/lib/services/oidc-callback";

/** Single sign-on, second half: the provider's answer checked, then signed in or linked. */
export async function GET(request: NextRequest) {
  const settings = oidcSettings();
  if (!settings) return oidcOff();
  const signedIn = await getCurrentUser();
  const step = await completeOidcSignIn(settings, {
    callbackUrl: request.nextUrl,
    flowCookie: request.cookies.get(OIDC_FLOW_COOKIE)?.value ?? null,
    signedIn,
  });
  return oidcRedirect(step, signedIn !== null);
}
