import "server-only";
import { rememberDevice } from "@/lib/auth/client-context";
import { finishOidcFlow, OidcFlowError, startOidcFlow } from "@/lib/auth/oidc-flow";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import type { OidcSettings } from "@/lib/config";
import { findSignInUser } from "@/lib/data/oidc-identities";
import type { SessionUser } from "@/lib/data/users";
import type { Locale } from "@/lib/domain/locales";
import { oidcLoginError, type OidcLoginError } from "@/lib/domain/oidc-refusals";
import { OidcSignInRefused, resolveOidcSignIn } from "./oidc-sign-in";

// The two routes' work (app/api/auth/oidc/start and /callback): where the
// browser goes next, and, for a sign-in that succeeded, the same session a
// password sign-in makes (a Session row, next-auth's cookie, the unseen-device
// entry of the security log). Every refusal is one code the page says.

export type OidcStep = { location: string; flowCookie?: string } | { refused: OidcLoginError };

function unreachable(error: unknown): OidcStep {
  // The operator's to fix (address, guard, provider down): the log says what.
  console.error("Single sign-on: the provider could not be reached", error);
  return { refused: oidcLoginError("unreachable") };
}

/** The provider's sign-in address, with the sealed cookie of this sign-in in flight. */
export async function beginOidcSignIn(
  settings: OidcSettings,
  returnTo: string | null,
): Promise<OidcStep> {
  try {
    const { location, cookie } = await startOidcFlow(settings, { returnTo });
    return { location, flowCookie: cookie };
  } catch (error) {
    return unreachable(error);
  }
}

/**
 * The provider's answer: checked, decided (lib/domain/oidc-sign-in.ts), and
 * a session started unless the browser is already signed in to the account
 * (linking from Settings keeps its session). `location` is a path of this app.
 */
export async function completeOidcSignIn(
  settings: OidcSettings,
  input: {
    callbackUrl: URL;
    flowCookie: string | null;
    signedIn: SessionUser | null;
    /** The language of the page, for an account this sign-in makes. */
    locale?: Locale;
    /** The browser's User-Agent, for the security log. */
    userAgent?: string | null;
  },
): Promise<OidcStep> {
  // The person cancelled at the provider, or it refused: said as such, not as a forgery.
  if (input.callbackUrl.searchParams.has("error")) {
    return { refused: oidcLoginError("provider_error") };
  }
  let assertion;
  try {
    assertion = await finishOidcFlow(settings, {
      callbackUrl: input.callbackUrl,
      cookie: input.flowCookie,
    });
  } catch (error) {
    if (error instanceof OidcFlowError) return { refused: oidcLoginError(error.reason) };
    return unreachable(error);
  }
  let outcome;
  try {
    outcome = await resolveOidcSignIn(
      settings,
      assertion,
      input.signedIn?.id ?? null,
      input.locale,
      { userAgent: input.userAgent },
    );
  } catch (error) {
    if (error instanceof OidcSignInRefused) return { refused: oidcLoginError(error.reason) };
    throw error;
  }
  if (input.signedIn?.id === outcome.userId) return { location: assertion.returnTo };
  const user = await findSignInUser(outcome.userId);
  // Deleted between the decision and now: as if the flow had failed.
  if (!user) return { refused: oidcLoginError("answer_refused") };
  await rememberDevice(user);
  await setSessionCookie(user);
  return { location: assertion.returnTo };
}
