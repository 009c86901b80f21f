import { createHash, randomBytes } from "node:crypto";

// API tokens carry 256 random bits, so a fast hash is enough to store them:
// nobody can brute-force the preimage, and lookups stay one indexed query.
export const TOKEN_PREFIX = "cc_";

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * How a secret of 256 random bits is stored: its sha256, in hex. API tokens,
 * calendar-feed addresses and password-reset links are all kept this way.
 */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const hashApiToken = hashSecretToken;

export function looksLikeApiToken(value: string): boolean {
  return /^cc_[A-Za-z0-9_-]{43}$/.test(value);
}

/** What the token list shows so a user can tell tokens apart: `cc_AbCd…`. */
export function tokenHint(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}

// A calendar feed's address carries a secret of the same strength, kept the
// same way (its hash); the prefix tells the two apart in logs and pastes.
const FEED_PREFIX = "cal_";

export function generateFeedToken(): string {
  return FEED_PREFIX + randomBytes(32).toString("base64url");
}

export function looksLikeFeedToken(value: string): boolean {
  return /^cal_[A-Za-z0-9_-]{43}$/.test(value);
}

// A password-reset link carries one more, valid for minutes (lib/data/password-resets.ts).
const RESET_PREFIX = "rst_";

export function generateResetToken(): string {
  return RESET_PREFIX + randomBytes(32).toString("base64url");
}
