import "server-only";
import { randomInt } from "node:crypto";
import { hashPassword } from "@/lib/crypto/passwords";
import { removeTotpOfEmail } from "@/lib/data/totp";
import { setPasswordOfEmail } from "@/lib/data/users";

// No 0/O, 1/l/I: it is read out or typed by a person.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of five: about 99 bits, far past the sign-in rules. */
export function temporaryPassword(): string {
  const group = () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

/**
 * `npm run reset-password`: a new random password for the account, through
 * the data layer, so on whichever engine DATABASE_URL names. Returns the
 * password, to be shown once, or null when no account has the address.
 * Two-factor goes off too: the person the operator vouched for has lost
 * their phone and their recovery codes (or the auth secret changed and the
 * TOTP secrets no longer open), and sets it up again in Settings.
 */
export async function resetPasswordAsOperator(email: string): Promise<string | null> {
  const address = email.trim().toLowerCase();
  if (!address) throw new Error("usage: npm run reset-password -- <email>");
  const password = temporaryPassword();
  if (!(await setPasswordOfEmail(address, await hashPassword(password)))) return null;
  await removeTotpOfEmail(address);
  return password;
}
