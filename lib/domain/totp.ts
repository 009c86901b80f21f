import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// TOTP as RFC 6238 and every authenticator app do it: HMAC-SHA1, six
// digits, 30-second steps. `otpauth` (pinned, docs/decisions/023-totp.md) is
// the implementation; this module decides which step a code is for, so the
// caller can refuse a step it has already accepted (a code works once).

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now a code may come from: a phone's clock a little off, a code typed late. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = "CancelCase";

function totpOf(secret: string, label = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new secret: 160 random bits (RFC 4226's recommended length), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What a QR code carries for an authenticator app: otpauth://totp/CancelCase:<email>?… */
export function totpUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** The 30-second step `now` falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The step whose code `code` is (within the window around `now`), or null for a wrong code. */
export function totpCodeStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!isTotpCode(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/** Whether the input has the shape of a six-digit code (spaces allowed, as apps group them). */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/** The secret typed out in groups of four, as a person copies it into an app. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

// Recovery codes: ten characters from 31 letters and digits that cannot be
// mistaken for each other (no 0/o, 1/l/i), 49 random bits each, shown as
// `xxxxx-xxxxx`. That is far past guessing under the login throttle, and is
// why a fast hash (sha256) is enough to store them.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: RECOVERY_LENGTH },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed (any case, spaces or a dash) in the one form it is hashed in, or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const chars = input.toLowerCase().replace(/[\s-]/g, "");
  if (chars.length !== RECOVERY_LENGTH) return null;
  if ([...chars].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return chars;
}
