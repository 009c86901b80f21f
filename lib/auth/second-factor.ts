import "server-only";
import { open } from "@/lib/crypto/secret-box";
import { readTotpSecrets, spendRecoveryCode, spendTotpStep } from "@/lib/data/totp";
import type { Actor } from "@/lib/data/users";
import { isTotpCode, normalizeRecoveryCode, totpCodeStep } from "@/lib/domain/totp";
import { AppError } from "@/lib/errors/app-error";
import { acceptPasskeySecondFactor } from "./passkey-second-factor";

/** What a TOTP secret is sealed for (lib/crypto/secret-box.ts). */
export const TOTP_SEAL_PURPOSE = "totp-secret";

/** The plain base32 secret of a sealed one; a secret that no longer opens is a server fault. */
export function openTotpSecret(actor: Actor, sealed: string): string {
  const secret = open(TOTP_SEAL_PURPOSE, actor.id, sealed);
  // Only a changed NEXTAUTH_SECRET does this (docs/decisions/023-totp.md).
  if (secret === null) throw new Error("A TOTP secret does not open with this auth secret.");
  return secret;
}

/** A wrong, replayed or spent code: counted by the throttle like a wrong password. */
export function totpInvalid(field?: string): AppError {
  return field
    ? new AppError("validation_failed", "The code is wrong or was used already.", {
        fields: { [field]: ["totp_invalid"] },
      })
    : new AppError("totp_invalid", "The two-factor code is wrong or was used already.");
}

/**
 * Whether `input` is a current code of `secret` not used before (recording
 * its step) or one of the user's unused recovery codes (spending it).
 */
export async function acceptSecondFactor(
  actor: Actor,
  secret: string,
  input: string,
  now: Date,
): Promise<boolean> {
  if (isTotpCode(input)) {
    const step = totpCodeStep(secret, input, now);
    return step !== null && (await spendTotpStep(actor, step));
  }
  const recovery = normalizeRecoveryCode(input);
  return recovery !== null && (await spendRecoveryCode(actor, recovery, now));
}

/**
 * The second step of a sign-in or a token request, after the password was
 * right: nothing to do without two-factor (TOTP on: decision 024 says why a
 * passkey alone does not turn it on); else `totp` must be a current code or
 * an unused recovery code, or, at the sign-in form, `passkey` an assertion
 * of one of the user's passkeys (lib/auth/passkey-second-factor.ts). 401
 * totp_required without either, 401 totp_invalid for a wrong or replayed one.
 */
export async function checkSecondFactor(
  user: Actor,
  totp: string | undefined,
  now: Date,
  passkey?: unknown,
): Promise<void> {
  const { secret: sealed } = await readTotpSecrets(user);
  if (!sealed) return;
  if (passkey !== undefined) {
    if (!(await acceptPasskeySecondFactor(user, passkey, now))) throw totpInvalid();
    return;
  }
  if (!totp) {
    throw new AppError("totp_required", "This account asks for a two-factor code.");
  }
  if (!(await acceptSecondFactor(user, openTotpSecret(user, sealed), totp, now))) {
    throw totpInvalid();
  }
}
