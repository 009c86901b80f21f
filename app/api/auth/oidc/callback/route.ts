import type { NextRequest } from "next/server";
import { OIDC_FLOW_COOKIE } from "@/lib/auth/oidc-flow";
import { getCurrentUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/config";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/negotiate";
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
    // As the pages choose it: the language picked on the login page, else the browser's.
    locale: resolveLocale({
      cookieLocale: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    }),
    userAgent: request.headers.get("user-agent"),
  });
  return oidcRedirect(step, signedIn !== null);
}
