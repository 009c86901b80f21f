import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 8;
// argon2 hashes any length, but an unbounded input is a cheap way to burn CPU.
export const PASSWORD_MAX_LENGTH = 256;

// The ~18,000 entries of zxcvbn-ts' common-password list (from real breaches)
// that are long enough to pass the length rule: the ones worth refusing.
const COMMON_PASSWORDS = new Set(
  dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN_LENGTH),
);

export type PasswordProblem = "too_short" | "too_long" | "too_common";

/** Length counts characters as people see them, so a Chinese passphrase counts fairly. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

export function checkPassword(password: string): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "too_common";
  return null;
}
