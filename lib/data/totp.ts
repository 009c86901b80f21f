import "server-only";
import { hashSecretToken } from "@/lib/crypto/api-token-secret";
import { db } from "@/lib/db/client";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import type { Actor } from "./users";

// A user's TOTP factor and recovery codes. The secrets arrive and leave
// sealed (lib/crypto/secret-box.ts); codes are checked by lib/auth/second-factor.ts.
// A code's use and a recovery code's use are each one conditional update, so
// two requests racing with the same code cannot both pass.

export type TotpStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
};

/** Whether two-factor is on for this user, since when, and how many recovery codes are unused. */
export async function readTotpStatus(actor: Actor): Promise<TotpStatus> {
  const [factor, recoveryCodesLeft] = await Promise.all([
    db.totpFactor.findUnique({
      where: { userId: actor.id },
      select: { secret: true, enabledAt: true },
    }),
    db.totpRecoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  const enabled = Boolean(factor?.secret);
  return {
    enabled,
    enabledAt: enabled ? (factor?.enabledAt ?? null) : null,
    recoveryCodesLeft: enabled ? recoveryCodesLeft : 0,
  };
}

/** The sealed secrets: the one in use (null when off) and an enrolment's pending one. */
export async function readTotpSecrets(
  actor: Actor,
): Promise<{ secret: string | null; pendingSecret: string | null }> {
  const factor = await db.totpFactor.findUnique({
    where: { userId: actor.id },
    select: { secret: true, pendingSecret: true },
  });
  return { secret: factor?.secret ?? null, pendingSecret: factor?.pendingSecret ?? null };
}

/** Starts (or restarts) an enrolment; the factor in use, if any, is not touched. */
export async function savePendingTotpSecret(actor: Actor, sealedSecret: string): Promise<void> {
  await db.totpFactor.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, pendingSecret: sealedSecret },
    update: { pendingSecret: sealedSecret },
    select: { userId: true },
  });
}

/**
 * Turns the pending secret on, with `step` as its first used step and these
 * recovery codes, given normalised (replacing any old ones), and logs it. Null when the
 * pending secret is no longer `sealedSecret` (a second enrolment started meanwhile).
 */
export async function enableTotp(
  actor: Actor,
  sealedSecret: string,
  step: number,
  normalizedRecoveryCodes: string[],
  now = new Date(),
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.totpFactor.updateMany({
      where: { userId: actor.id, pendingSecret: sealedSecret },
      data: { secret: sealedSecret, pendingSecret: null, enabledAt: now, lastUsedStep: step },
    });
    if (count === 0) return null;
    await tx.totpRecoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.totpRecoveryCode.createMany({
      data: normalizedRecoveryCodes.map((code) => ({
        userId: actor.id,
        codeHash: hashSecretToken(code),
      })),
    });
    // In the same transaction: the log never says "on" for a change that failed.
    return recordSecurityEvent(actor, "totp_enabled", context, tx, now);
  });
}

/** Records `step` as used; false when it (or a later step) was used already: a replay. */
export async function spendTotpStep(actor: Actor, step: number): Promise<boolean> {
  const { count } = await db.totpFactor.updateMany({
    where: { userId: actor.id, secret: { not: null }, lastUsedStep: { lt: step } },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Spends a recovery code (given normalised); false when it is not one of the user's unused codes. */
export async function spendRecoveryCode(
  actor: Actor,
  normalizedCode: string,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.totpRecoveryCode.updateMany({
    where: { userId: actor.id, codeHash: hashSecretToken(normalizedCode), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Turns two-factor off: the factor and every recovery code go; the security log says so. */
export async function removeTotp(
  actor: Actor,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent | null> {
  return db.$transaction(async (tx) => {
    await tx.totpRecoveryCode.deleteMany({ where: { userId: actor.id } });
    const { count } = await tx.totpFactor.deleteMany({ where: { userId: actor.id } });
    return count > 0 ? recordSecurityEvent(actor, "totp_disabled", context, tx) : null;
  });
}

/** The operator's reset (npm run reset-password): two-factor off for the account with this email. */
export async function removeTotpOfEmail(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user) await removeTotp(user, { detail: "operator" });
}
