import "server-only";
import { withCurrentPasswordCheck, type ClientContext } from "@/lib/auth/credentials";
import {
  acceptSecondFactor,
  openTotpSecret,
  TOTP_SEAL_PURPOSE,
  totpInvalid,
} from "@/lib/auth/second-factor";
import { seal } from "@/lib/crypto/secret-box";
import { notFoundError } from "@/lib/data/errors";
import { enableTotp, readTotpSecrets, removeTotp, savePendingTotpSecret } from "@/lib/data/totp";
import { verifyCurrentPassword, type SessionUser } from "@/lib/data/users";
import {
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCodeStep,
  totpUri,
} from "@/lib/domain/totp";
import { AppError } from "@/lib/errors/app-error";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";

// Settings → Two-factor and /api/v1/me/totp: enrol with the current
// password, confirm with a code from the app, turn off with a code. Each
// check runs under the current-password throttle (lib/auth/credentials.ts),
// so a stolen session can guess neither the password nor codes any faster
// than the sign-in form allows; a wrong code counts like a wrong password.

export type TotpEnrolment = { secret: string; otpauthUri: string };

/** A new pending secret (the factor in use, if any, stays until a code confirms the new one). */
export async function startTotpEnrolment(
  user: SessionUser,
  password: string,
  client: ClientContext,
): Promise<TotpEnrolment> {
  return withCurrentPasswordCheck(user, client, async () => {
    await verifyCurrentPassword(user, password, "password");
    const { secret: inUse } = await readTotpSecrets(user);
    if (inUse) {
      throw new AppError("conflict", "Two-factor is on already; turn it off first.", {
        formMessage: { key: "twoFactor.alreadyOn" },
      });
    }
    const secret = newTotpSecret();
    await savePendingTotpSecret(user, seal(TOTP_SEAL_PURPOSE, user.id, secret));
    return { secret, otpauthUri: totpUri(secret, user.email) };
  });
}

/** A code of the pending secret turns two-factor on; the ten recovery codes are returned once. */
export async function confirmTotpEnrolment(
  user: SessionUser,
  code: string,
  client: ClientContext,
  now = new Date(),
): Promise<string[]> {
  return withCurrentPasswordCheck(user, client, async () => {
    const { pendingSecret: sealed } = await readTotpSecrets(user);
    if (!sealed) throw notFoundError("Two-factor enrolment");
    const step = totpCodeStep(openTotpSecret(user, sealed), code, now);
    if (step === null) throw totpInvalid("code");
    const recoveryCodes = newRecoveryCodes();
    const normalized = recoveryCodes.map((c) => normalizeRecoveryCode(c) ?? c);
    const event = await enableTotp(user, sealed, step, normalized, now, {
      userAgent: client.userAgent,
    });
    if (!event) throw notFoundError("Two-factor enrolment");
    announceSecurityEvent(event);
    return recoveryCodes;
  });
}

/** A current code or an unused recovery code turns two-factor off. */
export async function turnOffTotp(
  user: SessionUser,
  code: string,
  client: ClientContext,
  now = new Date(),
): Promise<void> {
  await withCurrentPasswordCheck(user, client, async () => {
    const { secret: sealed } = await readTotpSecrets(user);
    if (!sealed) throw notFoundError("Two-factor");
    if (!(await acceptSecondFactor(user, openTotpSecret(user, sealed), code, now))) {
      throw totpInvalid("code");
    }
    const event = await removeTotp(user, { userAgent: client.userAgent });
    if (event) announceSecurityEvent(event);
  });
}
