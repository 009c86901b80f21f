import "server-only";
import { db } from "@/lib/db/client";
import { oidcIdentityDetail } from "@/lib/domain/security-events";
import { isUniqueViolation, notFoundError } from "./errors";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import { sessionUserSelect, toSessionUser, type Actor, type SessionUser } from "./users";

// Identities at OpenID Connect providers that sign in as an account
// (docs/decisions/025-oidc.md). Who may link is decided before this
// (lib/domain/oidc-sign-in.ts); here one identity belongs to at most one
// account, held by the unique (issuer, subject) index, not by a read first.

export type OidcIdentityKey = { issuer: string; subject: string };

export type OidcIdentitySummary = { id: string; issuer: string; email: string; createdAt: Date };

/** The account this identity signs in as, or null. Read before anyone is signed in. */
export async function findOidcIdentityOwner(key: OidcIdentityKey): Promise<string | null> {
  const row = await db.oidcIdentity.findUnique({
    where: { issuer_subject: { issuer: key.issuer, subject: key.subject } },
    select: { userId: true },
  });
  return row?.userId ?? null;
}

/** The account with this email (emails are kept lower-case) and whether it verified it, or null. */
export async function findUserByEmail(
  email: string,
): Promise<{ id: string; emailVerified: boolean } | null> {
  const row = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, emailVerifiedAt: true },
  });
  return row ? { id: row.id, emailVerified: row.emailVerifiedAt !== null } : null;
}

/**
 * Links the identity to the actor: "linked" (also when it already was), or
 * "taken" when another account has it, even one that linked it a moment ago.
 * A new link is logged (`oidc_linked`) with it, in one transaction: the event
 * is returned for its notice (a new way into the account).
 */
export async function linkOidcIdentity(
  actor: Actor,
  identity: OidcIdentityKey & { email: string },
  context: SecurityContext = {},
): Promise<{ outcome: "linked" | "taken"; event: RecordedSecurityEvent | null }> {
  try {
    const event = await db.$transaction(async (tx) => {
      await tx.oidcIdentity.create({
        data: { userId: actor.id, ...identity },
        select: { id: true },
      });
      const detail = oidcIdentityDetail(identity);
      return recordSecurityEvent(actor, "oidc_linked", { ...context, detail }, tx);
    });
    return { outcome: "linked", event };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const owner = await findOidcIdentityOwner(identity);
    return { outcome: owner === actor.id ? "linked" : "taken", event: null };
  }
}

/**
 * A new account for a first single sign-on, with its identity, in one
 * statement. `passwordHash` is of a random secret nobody is shown: the
 * person signs in through the provider, or sets a password by a reset.
 * Null when the email or the identity was taken meanwhile.
 */
export async function createOidcUser(input: {
  email: string;
  passwordHash: string;
  identity: OidcIdentityKey;
  /** The language the browser asked in (as a sign-up gets it). */
  locale?: string;
  /** The provider said it verified the address: the account starts verified. */
  emailVerified?: boolean;
}): Promise<{ id: string } | null> {
  try {
    return await db.user.create({
      data: {
        email: input.email,
        passwordHash: input.passwordHash,
        ...(input.locale ? { locale: input.locale } : {}),
        emailVerifiedAt: input.emailVerified ? new Date() : null,
        oidcIdentities: { create: { ...input.identity, email: input.email } },
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The actor's linked identities, oldest first, for Settings. */
export async function listOidcIdentities(actor: Actor): Promise<OidcIdentitySummary[]> {
  return db.oidcIdentity.findMany({
    where: { userId: actor.id },
    select: { id: true, issuer: true, email: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The account a single sign-on resolved to, as a session needs it (null if deleted meanwhile). */
export async function findSignInUser(userId: string): Promise<SessionUser | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  return row ? toSessionUser(row) : null;
}

/** What else lets the actor in besides the identity `id`: other identities and passkeys. */
export async function otherWaysIn(
  actor: Actor,
  id: string,
): Promise<{ otherIdentities: number; passkeys: number }> {
  const [identity, otherIdentities, passkeys] = await Promise.all([
    db.oidcIdentity.findFirst({ where: { id, userId: actor.id }, select: { id: true } }),
    db.oidcIdentity.count({ where: { userId: actor.id, id: { not: id } } }),
    db.passkey.count({ where: { userId: actor.id } }),
  ]);
  if (!identity) throw notFoundError("Identity");
  return { otherIdentities, passkeys };
}

/**
 * Unlinks one of the actor's identities, logged (`oidc_unlinked`) in the same
 * transaction; not found for anyone else's. The event is for its notice.
 */
export async function unlinkOidcIdentity(
  actor: Actor,
  id: string,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent> {
  return db.$transaction(async (tx) => {
    const identity = await tx.oidcIdentity.findFirst({
      where: { id, userId: actor.id },
      select: { issuer: true, email: true },
    });
    const { count } = await tx.oidcIdentity.deleteMany({ where: { id, userId: actor.id } });
    if (!identity || count === 0) throw notFoundError("Identity");
    const detail = oidcIdentityDetail(identity);
    return recordSecurityEvent(actor, "oidc_unlinked", { ...context, detail }, tx);
  });
}
