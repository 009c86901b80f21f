import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { CHALLENGE_ROWS_MAX, CHALLENGE_TTL_MS, type ChallengePurpose } from "@/lib/domain/passkeys";
import { AppError } from "@/lib/errors/app-error";

// A WebAuthn ceremony's challenge between its two requests: a row, so the
// answer may reach any instance (decision 020), and spent by deleting it, so
// one challenge answers once (decision 024).

/**
 * Keeps a challenge for `purpose` (and the user, when one is signed in); its
 * id goes to the browser. Expired rows go first, then the rows left are
 * counted against `ceiling` in the same transaction (serialised, decision
 * 008/019), so no flood, however parallel, grows the table past it: past it
 * the answer is `busy` (503) until challenges expire.
 */
export async function saveChallenge(
  purpose: ChallengePurpose,
  challenge: string,
  userId: string | null,
  now = new Date(),
  ceiling = CHALLENGE_ROWS_MAX,
): Promise<string> {
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    // Abandoned ceremonies go as new ones start: no timer, and the expiry index keeps it one range.
    await tx.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
    if ((await tx.webAuthnChallenge.count()) >= ceiling) {
      throw new AppError("busy", "Too many passkey ceremonies at once. Try again in a moment.", {
        retryAfterSeconds: 30,
      });
    }
    await tx.webAuthnChallenge.create({
      data: {
        id,
        userId,
        challenge,
        purpose,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      },
      select: { id: true },
    });
  });
  return id;
}

/**
 * Spends the challenge: the stored value when it exists, is for this purpose
 * and user and has not expired, else null. Deleted either way, so a second
 * answer with the same id finds nothing.
 */
export async function takeChallenge(
  id: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now = new Date(),
): Promise<string | null> {
  const row = await db.webAuthnChallenge.findUnique({ where: { id } });
  if (!row) return null;
  // Only the request that deletes the row may use it: two answers racing get one success.
  const { count } = await db.webAuthnChallenge.deleteMany({ where: { id } });
  if (count !== 1) return null;
  if (row.purpose !== purpose || row.userId !== userId || row.expiresAt <= now) return null;
  return row.challenge;
}

/** Deletes challenges that ran out unanswered (a ceremony the user abandoned). */
export async function sweepChallenges(now = new Date()): Promise<number> {
  const { count } = await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
