import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { baseUrl, nextauthSecret } from "@/lib/config";
import type { SessionUser } from "@/lib/data/users";
import { SESSION_MAX_AGE_SECONDS, startSessionClaims } from "./session";

// A sign-in that does not go through next-auth's own endpoints (single
// sign-on, docs/decisions/025-oidc.md) still ends in next-auth's cookie: the
// same claims (startSessionClaims, which the credentials path's jwt callback
// calls), encrypted by next-auth's own encode, under the name and options
// next-auth itself uses, so getToken and every session check read it as one
// of theirs.

/**
 * next-auth 4's session cookie (its defaultCookies().sessionToken, which the
 * package does not export): `__Secure-` prefixed and Secure on https, as
 * next-auth decides from NEXTAUTH_URL, which server/start.mjs sets to BASE_URL.
 */
export function sessionCookieDefinition() {
  const secure = baseUrl().startsWith("https:");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** Starts a Session row for `user` and sets this response's session cookie. */
export async function setSessionCookie(user: SessionUser): Promise<void> {
  const secret = nextauthSecret();
  // npm start always sets it (server/prepare-data.mjs); next-auth could not read the cookie either.
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: no session can be made");
  // next-auth's default token (name, email, sub), then the claims of the jwt callback.
  const token = {
    name: user.name,
    email: user.email,
    sub: user.id,
    ...(await startSessionClaims(user)),
  };
  const value = await encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  const { name, options } = sessionCookieDefinition();
  (await cookies()).set(name, value, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}
