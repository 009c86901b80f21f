import "server-only";
import { generateResetToken, hashSecretToken } from "@/lib/crypto/api-token-secret";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/domain/locales";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation, notFoundError } from "./errors";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import type { Actor } from "./users";

// Links sent to an address, built like password resets (a 256-bit token of
// which only the hash is kept, used once, expiring). "verify" proves the
// account's own address; "change" moves the account to the address it was
// sent to, only once followed, so a typo never locks anyone out. Accounts
// from before this table are simply unverified: nothing is blocked by it.
export const EMAIL_LINK_LIFETIME_HOURS = 24;

export type EmailTokenPurpose = "verify" | "change";

export type EmailLink = {
  token: string;
  /** Where the link goes: the account's address, or the new one. */
  to: string;
  name: string;
  locale: Locale;
};

export type EmailLinkOutcome = {
  purpose: EmailTokenPurpose;
  /** The change's security event, for its notice after the commit (null for "verify"). */
  event: RecordedSecurityEvent | null;
};

const emailTaken = () =>
  new AppError("email_taken", "An account with this email already exists.", {
    fields: { email: ["email_in_use"] },
  });

const invalidLink = () =>
  new AppError(
    "validation_failed",
    "This link is not valid: it was used, it expired, or it was replaced.",
    { fields: { token: ["email_link_invalid"] } },
  );

/**
 * A new link for the account: `email` is its own address ("verify") or the
 * one it asks to move to ("change", refused when another account has it).
 * Earlier unused links of the same purpose die: only the newest works.
 */
export async function createEmailToken(
  actor: Actor,
  purpose: EmailTokenPurpose,
  email?: string,
  now = new Date(),
): Promise<EmailLink> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, name: true, locale: true },
  });
  if (!user) throw notFoundError("Account");
  const to = purpose === "change" && email ? email : user.email;
  if (purpose === "change") {
    const holder = await db.user.findUnique({ where: { email: to }, select: { id: true } });
    if (holder) throw emailTaken();
  }
  const token = generateResetToken();
  await db.$transaction(async (tx) => {
    await tx.emailToken.updateMany({
      where: { userId: actor.id, purpose, usedAt: null },
      data: { usedAt: now },
    });
    await tx.emailToken.create({
      data: {
        userId: actor.id,
        purpose,
        email: to,
        tokenHash: hashSecretToken(token),
        expiresAt: new Date(now.getTime() + EMAIL_LINK_LIFETIME_HOURS * 3_600_000),
        createdAt: now,
      },
    });
  });
  return { token, to, name: user.name, locale: isLocale(user.locale) ? user.locale : "en" };
}

/**
 * Follows a link: once, before it expires. A verification counts only while
 * the account still has the address it was sent to; a change is refused
 * when the address was taken meanwhile, and is logged in the same
 * transaction with the old address as the event's detail (its notice goes
 * there, lib/notifications/security-notices.ts).
 */
export async function confirmEmailToken(
  token: string,
  now = new Date(),
  context: SecurityContext = {},
): Promise<EmailLinkOutcome> {
  return db.$transaction(async (tx) => {
    const link = await tx.emailToken.findUnique({
      where: { tokenHash: hashSecretToken(token) },
      select: { id: true, userId: true, purpose: true, email: true, usedAt: true, expiresAt: true },
    });
    if (!link || link.usedAt || link.expiresAt <= now) throw invalidLink();
    const purpose: EmailTokenPurpose = link.purpose === "change" ? "change" : "verify";
    const user = await tx.user.findUnique({
      where: { id: link.userId },
      select: { email: true },
    });
    if (!user) throw invalidLink();
    if (purpose === "verify" && user.email !== link.email) throw invalidLink();
    if (purpose === "change") {
      const holder = await tx.user.findUnique({
        where: { email: link.email },
        select: { id: true },
      });
      if (holder) throw emailTaken();
    }
    // Spent by a conditional update: two clicks at once confirm once.
    const { count } = await tx.emailToken.updateMany({
      where: { id: link.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) throw invalidLink();
    try {
      await tx.user.update({
        where: { id: link.userId },
        data: { email: link.email, emailVerifiedAt: now },
        select: { id: true },
      });
    } catch (error) {
      // Another account took the address between the check and here.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    if (purpose === "verify") return { purpose, event: null };
    const event = await recordSecurityEvent(
      { id: link.userId },
      "email_changed",
      { ...context, detail: user.email },
      tx,
      now,
    );
    return { purpose, event };
  });
}

/** Settings' line: whether the address is verified, and a change waiting for its link. */
export async function emailVerificationOf(
  actor: Actor,
  now = new Date(),
): Promise<{ email: string; verifiedAt: Date | null; pendingEmail: string | null }> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, emailVerifiedAt: true },
  });
  if (!user) throw notFoundError("Account");
  const pending = await db.emailToken.findFirst({
    where: { userId: actor.id, purpose: "change", usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  return {
    email: user.email,
    verifiedAt: user.emailVerifiedAt,
    pendingEmail: pending?.email ?? null,
  };
}

/** Links (valid a day) are deleted a week after they were made; part of the daily housekeeping. */
export async function pruneEmailTokens(userId: string, now: Date): Promise<void> {
  await db.emailToken.deleteMany({
    where: { userId, createdAt: { lt: new Date(now.getTime() - 7 * 24 * 3_600_000) } },
  });
}
