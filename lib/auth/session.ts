import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { rememberDevice, requestClientContext } from "@/lib/auth/client-context";
import { endSessionOfCookie, findSessionUser, startSession } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/users";
import { isAppError } from "@/lib/errors/app-error";
import { checkCredentials } from "@/lib/auth/credentials";
import { authorizePasskey } from "@/lib/auth/passkey-sign-in";
import { passkeyAnswerOf } from "@/lib/auth/passkey-second-factor";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The Session row this cookie stands for. */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/** What the login form sees when sign-in is refused for throttling. */
export const RATE_LIMITED_ERROR = "rate_limited";

/**
 * A cookie whose Session row has ended (log out, another browser signed out
 * from Settings, log-out-everywhere, a new password). Thrown from the jwt
 * callback, it makes next-auth's own endpoints (/api/auth/session) answer as
 * for no session, `{}`, and clear the cookie, instead of echoing the name and
 * email the cookie still carries.
 */
class SessionEnded extends Error {}

/**
 * What a new sign-in's cookie carries besides next-auth's own fields: a new
 * Session row (decision 012) and the user's sessionVersion. The one place a
 * browser session starts, for next-auth's providers and for single sign-on
 * (lib/auth/session-cookie.ts).
 */
export async function startSessionClaims(user: {
  id: string;
  sessionVersion?: number;
}): Promise<{ uid: string; sv: number; sid: string }> {
  return {
    uid: user.id,
    sv: user.sessionVersion ?? 0,
    sid: await startSession(user.id, (await headers()).get("user-agent") ?? ""),
  };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        totp: { type: "text" },
        // Or a passkey as the second factor (decision 024).
        passkeyChallengeId: { type: "text" },
        passkeyResponse: { type: "text" },
      },
      async authorize(credentials) {
        try {
          const user = await checkCredentials(
            credentials,
            await requestClientContext(),
            new Date(),
            passkeyAnswerOf(credentials),
          );
          await rememberDevice(user);
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
          };
        } catch (error) {
          if (isAppError(error) && error.code === "rate_limited")
            throw new Error(RATE_LIMITED_ERROR);
          // Two-factor: the form asks for the code (totp_required), or says it was wrong.
          if (
            isAppError(error) &&
            (error.code === "totp_required" || error.code === "totp_invalid")
          )
            throw new Error(error.code);
          if (isAppError(error)) return null;
          throw error;
        }
      },
    }),
    // A passkey alone (decision 024): the device verified the person, the server the signature.
    CredentialsProvider({
      id: "passkey",
      name: "Passkey",
      credentials: { challengeId: { type: "text" }, response: { type: "text" } },
      async authorize(credentials) {
        const user = await authorizePasskey(credentials);
        if (!user) return null;
        await rememberDevice(user);
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    // A sign-in starts a Session row and the cookie carries its id and the
    // user's sessionVersion; getCurrentUser checks both on every request, which
    // is how "Log out", signing a browser out from Settings, logout-everywhere
    // and a password change end sessions that a JWT alone cannot.
    async jwt({ token, user }) {
      if (user) return { ...token, ...(await startSessionClaims(user)) };
      const live =
        token.uid && token.sid && typeof token.sv === "number"
          ? await findSessionUser(token.sid, token.uid, token.sv)
          : null;
      if (!live) throw new SessionEnded("this session has ended");
      return token;
    },
    async session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
  logger: {
    // An ended session is an answer, not a fault: not logged as one.
    error(code, metadata) {
      if (metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    // "Log out" ends this browser's session on the server, not only its cookie.
    async signOut({ token }) {
      if (token?.sid && token.uid) await endSessionOfCookie(token.sid, token.uid);
    },
  },
};

const readSession = cache(async (): Promise<{ user: SessionUser; sessionId: string } | null> => {
  // The session is next-auth's encrypted JWT cookie; reading it is all a
  // request needs. (getServerSession runs next-auth's whole session endpoint
  // instead, re-encrypting a refreshed cookie a page cannot even set: 4 ms of
  // CPU per request, measured for BENCHMARKS.md.) Only the cookie counts here,
  // never an Authorization header: API tokens are lib/http/api-route.ts's business.
  const req = { cookies: await cookies(), headers: {} };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"] });
  if (!token?.uid || !token.sid || typeof token.sv !== "number") return null;
  const user = await findSessionUser(token.sid, token.uid, token.sv);
  return user ? { user, sessionId: token.sid } : null;
});

/** The signed-in user for this request, or null. One database read per request. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await readSession())?.user ?? null;
}

/** Which Session row this browser is (Settings marks it "this browser"). */
export async function currentSessionId(): Promise<string | null> {
  return (await readSession())?.sessionId ?? null;
}

/**
 * For pages and actions of the signed-in app: the user, or a redirect to
 * login that comes back here afterwards (the custom server passes the
 * request's own path and query in x-cancelcase-url; the login page accepts
 * only a path of this app, lib/domain/safe-redirect.ts).
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const here = (await headers()).get("x-cancelcase-url");
    redirect(here?.startsWith("/") ? `/login?callbackUrl=${encodeURIComponent(here)}` : "/login");
  }
  return user;
}
