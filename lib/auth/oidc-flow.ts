import "server-only";
import * as oidc from "openid-client";
import { baseUrl, type OidcSettings } from "@/lib/config";
import { open, seal } from "@/lib/crypto/secret-box";
import { AFTER_SIGN_IN, safeRedirectPath } from "@/lib/domain/safe-redirect";
import { discoverOidc } from "./oidc-client";

// The two halves of a single sign-on (docs/decisions/025-oidc.md):
// authorization code with PKCE (S256), state and nonce. What the callback
// must check travels in one sealed cookie bound to this browser, never in a
// process's memory: the callback may reach another worker or instance.

/** The cookie that carries a sign-in in flight; scoped to the two routes. */
export const OIDC_FLOW_COOKIE = "cancelcase.oidc";
export const OIDC_FLOW_COOKIE_PATH = "/api/auth/oidc";
/** How long a person has at the provider before the sign-in must start again. */
export const OIDC_FLOW_MAX_AGE_SECONDS = 10 * 60;

const SEAL_PURPOSE = "oidc-flow";
const SEAL_OWNER = "browser";

type FlowState = {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** Epoch milliseconds past which the cookie is refused even if the browser kept it. */
  expiresAt: number;
};

export type OidcAssertion = {
  issuer: string;
  subject: string;
  email: string | null;
  /** True only when the provider said exactly `email_verified: true`. */
  emailVerified: boolean;
  returnTo: string;
};

export class OidcFlowError extends Error {
  constructor(
    readonly reason: "flow_missing" | "flow_expired" | "answer_refused",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OidcFlowError";
  }
}

/** Where the provider sends the browser back. */
export function oidcRedirectUri(): string {
  return `${baseUrl()}${OIDC_FLOW_COOKIE_PATH}/callback`;
}

/** The provider's sign-in address and the sealed cookie to set with the redirect. */
export async function startOidcFlow(
  settings: OidcSettings,
  input: { returnTo?: string | null; now?: Date },
): Promise<{ location: string; cookie: string }> {
  const configuration = await discoverOidc(settings);
  const flow: FlowState = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    returnTo: safeRedirectPath(input.returnTo, baseUrl()),
    expiresAt: (input.now ?? new Date()).getTime() + OIDC_FLOW_MAX_AGE_SECONDS * 1000,
  };
  const location = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: oidcRedirectUri(),
    scope: "openid email",
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { location: location.href, cookie: seal(SEAL_PURPOSE, SEAL_OWNER, JSON.stringify(flow)) };
}

function readFlow(cookie: string | null | undefined, now: Date): FlowState {
  const plain = cookie ? open(SEAL_PURPOSE, SEAL_OWNER, cookie) : null;
  if (!plain) throw new OidcFlowError("flow_missing", "No sign-in was started in this browser.");
  const flow = JSON.parse(plain) as FlowState;
  if (now.getTime() > flow.expiresAt) {
    throw new OidcFlowError("flow_expired", "The sign-in took too long; start again.");
  }
  return flow;
}

/**
 * Checks the provider's answer (`callbackUrl`, the full URL the browser came
 * back to) against the sealed cookie, exchanges the code with the PKCE
 * verifier, and checks the ID token (signature, issuer, audience, expiry,
 * nonce). What the provider asserted, for lib/domain/oidc-sign-in.ts.
 */
export async function finishOidcFlow(
  settings: OidcSettings,
  input: { callbackUrl: URL; cookie: string | null | undefined; now?: Date },
): Promise<OidcAssertion> {
  const flow = readFlow(input.cookie, input.now ?? new Date());
  const configuration = await discoverOidc(settings);
  // The answer is checked against the URL the provider was told, not the one
  // a reverse proxy handed this server.
  const answer = new URL(oidcRedirectUri());
  answer.search = input.callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, answer, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new OidcFlowError("answer_refused", "The provider's answer did not check out.", {
      cause: error,
    });
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcFlowError("answer_refused", "The provider sent no ID token.");
  // Some providers put the email only in the UserInfo answer, which
  // openid-client checks belongs to the ID token's subject.
  const profile =
    typeof claims.email === "string"
      ? claims
      : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof profile.email === "string" ? profile.email.trim().toLowerCase() : null,
    emailVerified: profile.email_verified === true,
    returnTo: flow.returnTo || AFTER_SIGN_IN,
  };
}
