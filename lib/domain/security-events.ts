// The account's security log: what happened to the ways into the account.
// Pure rules only; rows are lib/data/security-events.ts's, notices
// lib/notifications/security-notices.ts's.

/**
 * Every kind the log knows. `email_changed` is written by the email change,
 * whose notice goes to the OLD address (the event's detail); `oidc_linked`
 * and `oidc_unlinked` when a single sign-on identity is linked to an existing
 * account or unlinked (its detail: oidcIdentityDetail), not when a first
 * single sign-on makes the account.
 */
export const SECURITY_EVENT_KINDS = [
  "sign_in_new_device",
  "password_changed",
  "password_reset",
  "token_created",
  "token_revoked",
  "email_changed",
  "sessions_revoked",
  "totp_enabled",
  "totp_disabled",
  "passkey_added",
  "passkey_removed",
  "oidc_linked",
  "oidc_unlinked",
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export function isSecurityEventKind(value: string): value is SecurityEventKind {
  return (SECURITY_EVENT_KINDS as readonly string[]).includes(value);
}

/**
 * Kinds that only take access away: an intruder gains nothing by them, so
 * they are logged but mailed about to no one (a mail per revoked token or
 * "log out everywhere" would teach people to skim the ones that matter).
 */
const ROUTINE: ReadonlySet<SecurityEventKind> = new Set(["token_revoked", "sessions_revoked"]);

/**
 * Whether the account's address is told. The account's first sign-in ever is
 * from a device no one has seen, by definition: logged, not mailed.
 */
export function deservesNotice(kind: SecurityEventKind, firstSignIn = false): boolean {
  if (ROUTINE.has(kind)) return false;
  return !(kind === "sign_in_new_device" && firstSignIn);
}

/** The newest this many events per user are kept; older ones go as new ones come. */
export const SECURITY_EVENTS_KEPT = 500;

/** A user agent is kept to its first 300 characters, as a session's is. */
export const USER_AGENT_MAX = 300;
/** A detail (a token's name, an old address) is short by nature. */
export const DETAIL_MAX = 200;

/**
 * How the log and the notice name a single sign-on identity: its address at
 * the provider, and the provider's host (the identity's issuer).
 */
export function oidcIdentityDetail(identity: { issuer: string; email: string }): string {
  let host = identity.issuer;
  try {
    host = new URL(identity.issuer).host;
  } catch {
    // Not a URL (providers must use one): named as it is.
  }
  return identity.email ? `${identity.email} (${host})` : host;
}
