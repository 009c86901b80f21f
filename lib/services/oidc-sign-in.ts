import "server-only";
import { randomBytes } from "node:crypto";
import type { OidcAssertion } from "@/lib/auth/oidc-flow";
import { allowRegistration, type OidcSettings } from "@/lib/config";
import { hashPassword } from "@/lib/crypto/passwords";
import {
  createOidcUser,
  findOidcIdentityOwner,
  findUserByEmail,
  linkOidcIdentity,
} from "@/lib/data/oidc-identities";
import type { Locale } from "@/lib/domain/locales";
import { decideOidcSignIn, type OidcSignInRefusal } from "@/lib/domain/oidc-sign-in";
import type { SecurityContext } from "@/lib/data/security-events";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";

// What a checked provider answer (lib/auth/oidc-flow.ts) becomes: the facts
// gathered, lib/domain/oidc-sign-in.ts decides, the identity linked or the
// account made. Starting the browser's session is the callback route's job.

export class OidcSignInRefused extends Error {
  constructor(readonly reason: OidcSignInRefusal | "identity_taken") {
    super(`Single sign-on refused: ${reason}`);
    this.name = "OidcSignInRefused";
  }
}

export type OidcSignInOutcome = { userId: string; outcome: "signed_in" | "linked" | "created" };

export async function resolveOidcSignIn(
  settings: OidcSettings,
  assertion: OidcAssertion,
  signedInUserId: string | null,
  /** A new account's language: the one the browser used (as a sign-up gets it). */
  locale?: Locale,
  /** The browser, for the security log's entry of a new link. */
  client: SecurityContext = {},
): Promise<OidcSignInOutcome> {
  const identity = { issuer: assertion.issuer, subject: assertion.subject };
  const [identityUserId, emailUser] = await Promise.all([
    findOidcIdentityOwner(identity),
    assertion.email ? findUserByEmail(assertion.email) : null,
  ]);
  const decision = decideOidcSignIn({
    identityUserId,
    signedInUserId,
    emailUserId: emailUser?.id ?? null,
    emailUserVerified: emailUser?.emailVerified ?? false,
    email: assertion.email,
    emailVerified: assertion.emailVerified,
    registrationOpen: allowRegistration(),
    allowedDomains: settings.allowedDomains,
  });
  switch (decision.kind) {
    case "refused":
      throw new OidcSignInRefused(decision.reason);
    case "sign_in":
      return { userId: decision.userId, outcome: "signed_in" };
    case "link": {
      const linked = await linkOidcIdentity(
        { id: decision.userId },
        { ...identity, email: assertion.email ?? "" },
        client,
      );
      if (linked.outcome === "taken") throw new OidcSignInRefused("identity_taken");
      announceSecurityEvent(linked.event);
      return { userId: decision.userId, outcome: "linked" };
    }
    case "create": {
      const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
      const user = await createOidcUser({
        email: decision.email,
        passwordHash,
        identity,
        locale,
        emailVerified: assertion.emailVerified,
      });
      // Taken between the read and the write: the person tries again and is
      // then decided against the account that won.
      if (!user) throw new OidcSignInRefused("identity_taken");
      return { userId: user.id, outcome: "created" };
    }
  }
}
