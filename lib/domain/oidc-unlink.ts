// Whether unlinking a single sign-on identity leaves the account a way in
// (issue 35). Pure: lib/services/oidc-link.ts gathers the facts.

export type UnlinkFacts = {
  /** Identities the account keeps besides this one. */
  otherIdentities: number;
  /** Passkeys sign in alone (decision 024), with or without passwords. */
  passkeys: number;
  /** PASSWORD_LOGIN. */
  passwordLogin: boolean;
};

/**
 * "allowed"; "needs_password" when only the password would be left: an
 * account made by single sign-on has a password nobody was shown, so the
 * person proves they know it before the last other way goes; "refused"
 * when nothing would be left (passwords off, no passkey, no other identity).
 */
export function unlinkVerdict(facts: UnlinkFacts): "allowed" | "needs_password" | "refused" {
  if (facts.otherIdentities > 0 || facts.passkeys > 0) return "allowed";
  return facts.passwordLogin ? "needs_password" : "refused";
}
