import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation, notFoundError } from "./errors";
import { removeReceiptFiles } from "./receipts";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locales";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/crypto/passwords";
import type {
  ChangePasswordInput,
  DeleteAccountInput,
  PreferencesInput,
  RegisterInput,
} from "@/lib/validation/auth";

/** Who is acting: every data function is scoped by this user's id. */
export type Actor = { id: string };

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  sessionVersion: number;
  /**
   * Bumped by the database on every write to this user's rows
   * (docs/decisions/027-data-version.md): read before the page's data, it
   * keys what was rendered from that data.
   */
  dataVersion: number;
};

/** The columns of a SessionUser (also read with an API token, in one query). */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  timeZone: true,
  sessionVersion: true,
  dataVersion: true,
} as const satisfies Record<keyof SessionUser, true>;

export type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

/**
 * The same columns for a raw join that names the user table `u`: the two
 * lookups every request makes (a session cookie, an API token) are raw SQL,
 * since Prisma 6.19 compiles each query-builder call in WebAssembly on the
 * event loop and raw SQL skips that (BENCHMARKS.md, lever 21). The adapter
 * types the columns (text, integer, Date), so the row is a SessionUserRow.
 */
export const SESSION_USER_COLUMNS = Prisma.sql`u."id", u."email", u."name", u."locale",
  u."timeZone", u."sessionVersion", u."dataVersion"`;

/** A locale the app no longer ships falls back to the default rather than failing sign-in. */
export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    timeZone: row.timeZone,
    sessionVersion: Number(row.sessionVersion),
    dataVersion: Number(row.dataVersion),
  };
}

export async function registerUser(input: RegisterInput): Promise<{ id: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name ?? "",
        passwordHash,
        locale: input.locale ?? "en",
        timeZone: input.timeZone ?? "UTC",
      },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("email_taken", "An account with this email already exists.", {
        fields: { email: ["email_taken"] },
      });
    }
    throw error;
  }
}

/** The user for these credentials, or null; an unknown email costs the same argon2 work. */
export async function verifyCredentials(
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const row = await db.user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
  if (!row) return verifyAgainstDummy(password).then(() => null);
  const { passwordHash, ...user } = row;
  return (await verifyPassword(passwordHash, password)) ? toSessionUser(user) : null;
}

export async function updatePreferences(actor: Actor, input: PreferencesInput): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: input, select: { id: true } });
}

export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { locale }, select: { id: true } });
}

/** The signed-in user's current password, or a field error on `field` (lib/auth throttles the calls). */
export async function verifyCurrentPassword(
  actor: Actor,
  password: string,
  field: string,
): Promise<void> {
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row) throw notFoundError("Account");
  if (!(await verifyPassword(row.passwordHash, password))) {
    throw new AppError("validation_failed", "The current password is wrong.", {
      fields: { [field]: ["password_wrong"] },
    });
  }
}

/** Sets a new password and ends every session and API token, this one included. */
export async function changePassword(
  actor: Actor,
  input: ChangePasswordInput,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent> {
  await verifyCurrentPassword(actor, input.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await endAccess(tx, actor, { passwordHash });
    return recordSecurityEvent(actor, "password_changed", context, tx);
  });
}

/** Log out everywhere: every session and every API token of the account ends. */
export async function revokeAllSessions(
  actor: Actor,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent> {
  return db.$transaction(async (tx) => {
    await endAccess(tx, actor, {});
    return recordSecurityEvent(actor, "sessions_revoked", context, tx);
  });
}

/**
 * The operator's reset (npm run reset-password, for an instance without
 * email): the account with this address gets a new password hash, and every
 * session and API token of it ends, as a password change does. False when no
 * account has the address.
 */
export async function setPasswordOfEmail(email: string, passwordHash: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return false;
  await db.$transaction(async (tx) => {
    await endAccess(tx, user, { passwordHash });
    await recordSecurityEvent(user, "password_reset", { detail: "operator" }, tx);
  });
  return true;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Every session and API token of the account ends (with a new password hash, when given). */
async function endAccess(tx: Tx, actor: Actor, data: { passwordHash?: string }): Promise<void> {
  await tx.user.update({
    where: { id: actor.id },
    data: { ...data, sessionVersion: { increment: 1 } },
    select: { id: true },
  });
  await tx.session.deleteMany({ where: { userId: actor.id } });
  await tx.apiToken.updateMany({
    where: { userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Deletes the account and, through cascades, everything it owns; then its receipts' files. */
export async function deleteAccount(actor: Actor, input: DeleteAccountInput): Promise<void> {
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { email: true } });
  if (!row) throw notFoundError("Account");
  if (row.email !== input.confirmEmail) {
    throw new AppError("validation_failed", "Type your account's email to confirm.", {
      fields: { confirmEmail: ["confirm_email_mismatch"] },
    });
  }
  await verifyCurrentPassword(actor, input.password, "password");
  const storageKeys = await db.$transaction(async (tx) => {
    const receipts = await tx.receipt.findMany({
      where: { userId: actor.id },
      select: { storageKey: true },
    });
    await tx.user.delete({ where: { id: actor.id }, select: { id: true } });
    return receipts.map((r) => r.storageKey);
  });
  await removeReceiptFiles(storageKeys);
}
