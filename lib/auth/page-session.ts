import "server-only";
import { getToken } from "next-auth/jwt";
import { findSessionUser } from "@/lib/data/sessions";
import { todayIn } from "@/lib/domain/dates";

// What the signed-in page cache (server/middlewares/signed-in-page-cache.mjs)
// keys a page by, read the way every page reads its session
// (lib/auth/session.ts readSession: the cookie's JWT, then the Session row
// with its user) so that a cookie a page would refuse is never a cache key.
// instrumentation.ts hands this function to the custom server, which runs
// before Next.js and has no data layer of its own.

export type PageSession = {
  /** The Session row: each browser its own entries ("this browser" differs between them). */
  sessionId: string;
  userId: string;
  locale: string;
  /** The user's data version: the database bumps it on every write to their rows (decision 027). */
  dataVersion: number;
  /** The user's calendar day: "due today", "in 3 days" change with it. */
  day: string;
};

// next-auth's session cookie, chunked as .0, .1 … when large; __Secure- on https.
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

/** The session cookies of a Cookie header, as getToken reads them (nothing else of it). */
function sessionCookies(header: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at === -1) continue;
    const name = part.slice(0, at).trim();
    if (SESSION_COOKIE.test(name)) found[name] = part.slice(at + 1).trim();
  }
  return found;
}

/** The live session of a Cookie header, or null (no cookie, a bad one, an ended session). */
export async function pageSessionOf(
  cookieHeader: string,
  now = new Date(),
): Promise<PageSession | null> {
  // Only the cookie: no Authorization header, which getToken would also accept.
  const req = { cookies: sessionCookies(cookieHeader), headers: {} };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"] });
  if (!token?.uid || !token.sid || typeof token.sv !== "number") return null;
  const user = await findSessionUser(token.sid, token.uid, token.sv);
  if (!user) return null;
  return {
    sessionId: token.sid,
    userId: user.id,
    locale: user.locale,
    dataVersion: user.dataVersion,
    day: todayIn(user.timeZone, now),
  };
}
