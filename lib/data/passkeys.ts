import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { PASSKEYS_PER_USER, PASSKEY_NAME_MAX } from "@/lib/domain/passkeys";
import { isUniqueViolation, notFoundError } from "./errors";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import { sessionUserSelect, toSessionUser, type Actor, type SessionUser } from "./users";

// A user's passkeys (WebAuthn credentials, decision 024). Every query is the
// actor's own; someone else's passkey is "not found". Adding and removing one
// write the security log in the same transaction, so the log never tells of
// a change that failed.

export type PasskeyDto = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** What a verified registration gives to store. */
export type NewPasskey = {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string | null;
  name: string;
};

const dtoSelect = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
} as const satisfies Record<keyof PasskeyDto, true>;

/** The actor's passkeys, oldest first (the order they were added in). */
export async function listPasskeys(actor: Actor): Promise<PasskeyDto[]> {
  return db.passkey.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: dtoSelect,
  });
}

/** The actor's credential ids and transports: a registration excludes them (no second key per device). */
export async function passkeyCredentialsOf(
  actor: Actor,
): Promise<{ credentialId: string; transports: string | null }[]> {
  return db.passkey.findMany({
    where: { userId: actor.id },
    select: { credentialId: true, transports: true },
  });
}

/** 422 limit_reached: the user keeps PASSKEYS_PER_USER already. */
export function passkeyLimitReached(): AppError {
  return new AppError(
    "limit_reached",
    `You can keep at most ${PASSKEYS_PER_USER} passkeys. Remove one first.`,
    { formMessage: { key: "passkeys.limitReached" }, details: { limit: PASSKEYS_PER_USER } },
  );
}

/**
 * Stores a verified passkey and logs `passkey_added`. The cap is counted
 * before the insert, in the same transaction (a write transaction on SQLite
 * is serialised, decision 008, so two registrations racing cannot both pass
 * the last slot). A credential id already stored (this or another account) is a conflict.
 */
export async function addPasskey(
  actor: Actor,
  passkey: NewPasskey,
  context: SecurityContext = {},
  now = new Date(),
): Promise<{ passkey: PasskeyDto; event: RecordedSecurityEvent }> {
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.passkey.count({ where: { userId: actor.id } });
      if (count >= PASSKEYS_PER_USER) throw passkeyLimitReached();
      const row = await tx.passkey.create({
        data: { ...passkey, userId: actor.id, createdAt: now },
        select: dtoSelect,
      });
      const event = await recordSecurityEvent(
        actor,
        "passkey_added",
        { ...context, detail: row.name },
        tx,
        now,
      );
      return { passkey: row, event };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This passkey is registered already.", {
        formMessage: { key: "passkeys.alreadyRegistered" },
      });
    }
    throw error;
  }
}

/** Renames one of the actor's passkeys (the name given normalised, at most PASSKEY_NAME_MAX). */
export async function renamePasskey(actor: Actor, id: string, name: string): Promise<PasskeyDto> {
  const { count } = await db.passkey.updateMany({
    where: { id, userId: actor.id },
    data: { name: Array.from(name).slice(0, PASSKEY_NAME_MAX).join("") },
  });
  if (count === 0) throw notFoundError("Passkey");
  return db.passkey.findUniqueOrThrow({ where: { id }, select: dtoSelect });
}

/** Removes one of the actor's passkeys and logs `passkey_removed` with its name. */
export async function removePasskey(
  actor: Actor,
  id: string,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent> {
  return db.$transaction(async (tx) => {
    const row = await tx.passkey.findFirst({
      where: { id, userId: actor.id },
      select: { name: true },
    });
    if (!row) throw notFoundError("Passkey");
    await tx.passkey.deleteMany({ where: { id, userId: actor.id } });
    return recordSecurityEvent(actor, "passkey_removed", { ...context, detail: row.name }, tx);
  });
}

/** What signing in with a passkey needs of the stored credential, and whose it is. */
export type StoredPasskey = {
  id: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string | null;
  user: SessionUser;
};

/**
 * The passkey a sign-in names by its credential id. Not owner-scoped, by
 * nature: nobody is signed in yet, and the credential's signature (checked
 * by the caller) is what proves whose it is.
 */
export async function findPasskeyForSignIn(credentialId: string): Promise<StoredPasskey | null> {
  const row = await db.passkey.findUnique({
    where: { credentialId },
    select: {
      id: true,
      credentialId: true,
      publicKey: true,
      counter: true,
      transports: true,
      user: { select: sessionUserSelect },
    },
  });
  return row ? { ...row, user: toSessionUser(row.user) } : null;
}

/**
 * One of the actor's own passkeys by its credential id, for a second factor:
 * the password already named the account, so a credential of any other
 * account is simply not found.
 */
export async function findOwnPasskey(
  actor: Actor,
  credentialId: string,
): Promise<Omit<StoredPasskey, "user"> | null> {
  return db.passkey.findFirst({
    where: { credentialId, userId: actor.id },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
}

/**
 * Records a verified sign-in: the new counter and when. Conditional on the
 * counter read before, so of two sign-ins racing with counting
 * authenticators only one moves it; false when it changed meanwhile. (The
 * single-use challenge is what stops a replayed assertion.)
 */
export async function recordPasskeyUse(
  passkey: Pick<StoredPasskey, "id" | "counter">,
  newCounter: number,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: newCounter, lastUsedAt: now },
  });
  return count === 1;
}
