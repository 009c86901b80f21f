import "server-only";
import { generateResetToken, hashSecretToken } from "@/lib/crypto/api-token-secret";
import { hashPassword } from "@/lib/crypto/passwords";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/domain/locales";
import { AppError } from "@/lib/errors/app-error";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";

// A password reset by email: a random token (256 bits, only its hash kept),
// valid 30 minutes, used once. Using it sets the new password and ends every
// session and API token of the account, as a password change does.
export const RESET_LIFETIME_MINUTES = 30;

export type ResetRequest = { token: string; email: string; name: string; locale: Locale };

/** A new reset for the account with this email, or null when there is none (the caller answers the same). */
export async function createPasswordReset(
  email: string,
  now = new Date(),
): Promise<ResetRequest | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (!user) return null;
  const token = generateResetToken();
  await db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MINUTES * 60_000),
      createdAt: now,
    },
  });
  return {
    token,
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : "en",
  };
}

const invalidLink = () =>
  new AppError(
    "validation_failed",
    "This reset link is not valid: it was used, it expired, or it was replaced.",
    {
      fields: { token: ["reset_link_invalid"] },
    },
  );

/**
 * Sets the new password with a reset token: once, before it expires. The
 * token is looked up before the new password is hashed, so a made-up token
 * costs one indexed read, not argon2's 19 MiB and a core for a while. The
 * token is spent by a conditional update in the same transaction as the
 * password, so two uses at once change the password once.
 */
export async function completePasswordReset(
  token: string,
  newPassword: string,
  now = new Date(),
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent> {
  const live = await db.passwordReset.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!live || live.usedAt || live.expiresAt <= now) throw invalidLink();
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashSecretToken(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true },
    });
    if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) throw invalidLink();
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await tx.apiToken.updateMany({
      where: { userId: reset.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    // Every other link still out there dies with this one.
    await tx.passwordReset.updateMany({
      where: { userId: reset.userId, usedAt: null },
      data: { usedAt: now },
    });
    return recordSecurityEvent({ id: reset.userId }, "password_reset", context, tx, now);
  });
}

/** Reset links (valid 30 minutes) are deleted a day after they were made. */
const RESETS_KEPT_MS = 24 * 60 * 60_000;

/** Part of a user's daily housekeeping (lib/notifications/run.ts): one indexed delete. */
export async function prunePasswordResets(userId: string, now: Date): Promise<void> {
  await db.passwordReset.deleteMany({
    where: { userId, createdAt: { lt: new Date(now.getTime() - RESETS_KEPT_MS) } },
  });
}
