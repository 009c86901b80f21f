// Passkeys' pure rules: how many a user may keep, what a name may be, and
// how long a WebAuthn ceremony may take (docs/decisions/024-passkeys.md).

/** A user's passkeys at most: more than anyone has devices, few enough to list on one page. */
export const PASSKEYS_PER_USER = 20;

/** A passkey's name at most, in characters ("Work laptop", "Phone (Android)"). */
export const PASSKEY_NAME_MAX = 60;

/** How long a registration or sign-in challenge stays valid (WebAuthn's own timeout is 60 s). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * Challenge rows that may exist at once, every purpose and user together: the
 * hard ceiling behind the throttles below. Past it a new ceremony is "busy"
 * (503) until expired rows go; a row is about 200 bytes, so the table stays
 * under a megabyte whatever a flood does.
 */
export const CHALLENGE_ROWS_MAX = 2000;

/** Passkey sign-in options per client address per window: a person needs one or two. */
export const SIGN_IN_OPTIONS_PER_ADDRESS = 20;

/**
 * Passkey sign-in options per window for the whole server, every address
 * together: two a second, more than a self-hosted instance signs in, and
 * fewer than CHALLENGE_ROWS_MAX even across a window's edge (twice this).
 */
export const SIGN_IN_OPTIONS_PER_SERVER = 600;

/** The window of both sign-in counters: a challenge's lifetime, so the counts match the rows. */
export const SIGN_IN_OPTIONS_WINDOW_SECONDS = CHALLENGE_TTL_MS / 1000;

/** Registration ceremonies a user may start per hour: twenty devices' worth. */
export const REGISTRATIONS_PER_USER_PER_HOUR = 20;

/** What a challenge was issued for; one cannot be spent for another. */
export type ChallengePurpose = "register" | "authenticate" | "second-factor";

/**
 * The name as stored: whitespace folded, trimmed and clipped; a blank one
 * becomes the fallback (the list must show something to rename or remove).
 */
export function normalizePasskeyName(name: string | null | undefined, fallback: string): string {
  const folded = (name ?? "").replace(/\s+/g, " ").trim();
  return Array.from(folded || fallback)
    .slice(0, PASSKEY_NAME_MAX)
    .join("");
}

/** The browser's transport hints as stored (comma-separated), or null when it gave none. */
export function joinTransports(transports: readonly string[] | undefined): string | null {
  const kept = (transports ?? []).filter((t) => /^[a-z-]{1,20}$/.test(t));
  return kept.length > 0 ? kept.join(",") : null;
}

/** The stored hints back as a list. */
export function splitTransports(stored: string | null): string[] {
  return stored ? stored.split(",").filter(Boolean) : [];
}
