// What a refused single sign-on tells the person (issue 35): every reason
// the flow or the linking rule can give becomes one of a few codes the login
// page (or Settings, for a signed-in link) says in words, in ?error= or ?sso=.
// Pure, so the mapping is tested without a provider.

import type { OidcSignInRefusal } from "./oidc-sign-in";

export const OIDC_LOGIN_ERRORS = [
  /** No sign-in in flight in this browser, too old, or state, nonce or token did not check out. */
  "oidc_state",
  /** The provider answered with an error (the person cancelled, or it refused). */
  "oidc_provider",
  /** The provider could not be reached, or the outbound guard refused its address. */
  "oidc_unreachable",
  "oidc_link_needs_proof",
  /** An account has the email, but its address was never verified here. */
  "oidc_account_unverified",
  /** Closed registration, and the email's domain is not allowed (or not verified). */
  "oidc_registration_closed",
  "oidc_email_missing",
  /** The identity belongs to another account. */
  "oidc_identity_taken",
] as const;

export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

export type OidcRefusalReason =
  | OidcSignInRefusal
  | "identity_taken"
  | "flow_missing"
  | "flow_expired"
  | "answer_refused"
  | "provider_error"
  | "unreachable";

const CODES: Record<OidcRefusalReason, OidcLoginError> = {
  flow_missing: "oidc_state",
  flow_expired: "oidc_state",
  answer_refused: "oidc_state",
  provider_error: "oidc_provider",
  unreachable: "oidc_unreachable",
  link_needs_proof: "oidc_link_needs_proof",
  account_unverified: "oidc_account_unverified",
  registration_closed: "oidc_registration_closed",
  email_missing: "oidc_email_missing",
  identity_of_another_account: "oidc_identity_taken",
  identity_taken: "oidc_identity_taken",
};

export function oidcLoginError(reason: OidcRefusalReason): OidcLoginError {
  return CODES[reason];
}

/** Whether a query value (from the address bar, so anything) is one of the codes. */
export function isOidcLoginError(value: unknown): value is OidcLoginError {
  return typeof value === "string" && (OIDC_LOGIN_ERRORS as readonly string[]).includes(value);
}
