import "server-only";
import { NextResponse } from "next/server";
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_COOKIE_PATH,
  OIDC_FLOW_MAX_AGE_SECONDS,
} from "@/lib/auth/oidc-flow";
import { baseUrl } from "@/lib/config";
import type { OidcStep } from "@/lib/services/oidc-callback";

// The answers of the two single-sign-on routes: always a redirect (the
// browser is mid-navigation, a JSON error would strand it), with the sealed
// flow cookie set by the start and cleared by the callback.

function flowCookie(value: string, maxAge: number) {
  return {
    name: OIDC_FLOW_COOKIE,
    value,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET from another site.
    sameSite: "lax" as const,
    secure: baseUrl().startsWith("https:"),
    path: OIDC_FLOW_COOKIE_PATH,
    maxAge,
  };
}

/**
 * Where a step sends the browser: the provider, a path of this app, or the
 * page that says why it was refused: the login page, or Settings when a
 * signed-in person was linking (the login page would only send them on).
 */
export function oidcRedirect(step: OidcStep, signedIn: boolean): NextResponse {
  const target =
    "refused" in step
      ? signedIn
        ? `${baseUrl()}/settings?sso=${step.refused}#sso`
        : `${baseUrl()}/login?error=${step.refused}`
      : step.location.startsWith("/")
        ? `${baseUrl()}${step.location}`
        : step.location;
  // 303: whatever came before, the next request is a GET.
  const response = NextResponse.redirect(target, 303);
  if ("flowCookie" in step && step.flowCookie) {
    response.cookies.set(flowCookie(step.flowCookie, OIDC_FLOW_MAX_AGE_SECONDS));
  } else {
    response.cookies.set(flowCookie("", 0));
  }
  return response;
}

/** Single sign-on is not configured: nothing is here. */
export function oidcOff(): NextResponse {
  return NextResponse.json(
    { error: { code: "not_found", message: "Single sign-on is not configured." } },
    { status: 404 },
  );
}
