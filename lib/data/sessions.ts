import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { notFoundError } from "./errors";
import {
  SESSION_USER_COLUMNS,
  toSessionUser,
  type Actor,
  type SessionUser,
  type SessionUserRow,
} from "./users";

// A signed-in browser is a row. The session cookie (next-auth's encrypted
// JWT) carries the row's id; checking a request is one read by primary key
// that brings the user along, and signing out deletes the row, so a copied
// cookie stops working at once rather than when it expires.

/** Writing lastSeenAt on every request would turn each read into a write. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;
const SESSIONS_LISTED = 50;

export type SessionSummary = {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
};

export async function startSession(userId: string, userAgent: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({
    data: { id, userId, userAgent: userAgent.slice(0, 300) },
    select: { id: true },
  });
  return id;
}

/**
 * The user of a live session, or null when the session was ended, the account
 * is gone, or its sessionVersion moved on (log-out-everywhere, a new password).
 */
export async function findSessionUser(
  sessionId: string,
  userId: string,
  sessionVersion: number,
): Promise<SessionUser | null> {
  const [row] = await db.$queryRaw<(SessionUserRow & { userId: string; lastSeenAt: Date })[]>`
    SELECT s."userId", s."lastSeenAt", ${SESSION_USER_COLUMNS}
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  if (!row || row.userId !== userId) return null;
  const user = toSessionUser(row);
  if (user.sessionVersion !== sessionVersion) return null;
  const now = Date.now();
  if (now - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return user;
}

/** The account's signed-in browsers, most recently used first. */
export async function listSessions(actor: Actor): Promise<SessionSummary[]> {
  return db.session.findMany({
    where: { userId: actor.id },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: SESSIONS_LISTED,
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}

/** Signs one browser out (from Settings, or its own "Log out"). */
export async function endSession(actor: Actor, sessionId: string): Promise<void> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId: actor.id } });
  if (count !== 1) throw notFoundError("Session");
}

/** Log out: the session of this cookie ends; an unknown or ended one is already gone. */
export async function endSessionOfCookie(sessionId: string, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId, userId } });
}
