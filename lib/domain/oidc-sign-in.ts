// Who a single sign-on becomes (issue 35, docs/decisions/025-oidc.md), as
// pure code: the callback gathers the facts, this decides. An identity at a
// provider links to an existing account only after the person proved they own
// that account: by being signed in to it, or by the provider asserting that
// it verified the very email the account has. A provider that lets anyone
// type any email must not open someone else's account.

export type OidcSignInFacts = {
  /** The account already linked to the provider's (issuer, subject), if any. */
  identityUserId: string | null;
  /** The account this browser is signed in to (linking from Settings), if any. */
  signedInUserId: string | null;
  /** The account whose email is the one the provider asserted, if any. */
  emailUserId: string | null;
  /** Whether that account proved its own address here (its verification link was opened). */
  emailUserVerified: boolean;
  /** The email the provider asserted, or null when it gave none. */
  email: string | null;
  /** The provider's `email_verified` claim, true only when it said exactly true. */
  emailVerified: boolean;
  /** ALLOW_REGISTRATION. */
  registrationOpen: boolean;
  /** OIDC_ALLOWED_DOMAINS: lower-case domains whose verified emails may make an account anyway. */
  allowedDomains: readonly string[];
};

export type OidcSignInRefusal =
  | "identity_of_another_account"
  | "link_needs_proof"
  | "account_unverified"
  | "email_missing"
  | "registration_closed";

export type OidcSignInDecision =
  | { kind: "sign_in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; email: string }
  | { kind: "refused"; reason: OidcSignInRefusal };

/** The domain of an email, lower-case ("" when it has none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

export function decideOidcSignIn(facts: OidcSignInFacts): OidcSignInDecision {
  if (facts.identityUserId) {
    // Signed in as someone else: linking this identity there would move it.
    if (facts.signedInUserId && facts.signedInUserId !== facts.identityUserId) {
      return { kind: "refused", reason: "identity_of_another_account" };
    }
    return { kind: "sign_in", userId: facts.identityUserId };
  }
  if (facts.signedInUserId) return { kind: "link", userId: facts.signedInUserId };
  if (!facts.email) return { kind: "refused", reason: "email_missing" };
  if (facts.emailUserId) {
    if (!facts.emailVerified) return { kind: "refused", reason: "link_needs_proof" };
    // Both sides must have proved the address. Anyone may sign up here with
    // an address they do not own and set the password; a link made by the
    // owner's first single sign-on would then let that person into the
    // owner's record (pre-account takeover). An address never verified
    // here links only from Settings, signed in.
    return facts.emailUserVerified
      ? { kind: "link", userId: facts.emailUserId }
      : { kind: "refused", reason: "account_unverified" };
  }
  // The domain allow-list trusts the provider's word about the address, so
  // only a verified one counts; open registration asks no more of single
  // sign-on than of the sign-up form.
  const allowedDomain =
    facts.emailVerified && facts.allowedDomains.includes(emailDomain(facts.email));
  if (facts.registrationOpen || allowedDomain) return { kind: "create", email: facts.email };
  return { kind: "refused", reason: "registration_closed" };
}
