// next-auth's two browser calls (sign in with a password, sign out) without
// its client library, which was most of the JavaScript every page shipped
// for the shell's "Log out". The protocol is next-auth 4's own: a CSRF token
// from /api/auth/csrf, then a form POST that answers {url} when json=true.

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
  return token;
}

async function post(
  path: string,
  fields: Record<string, string>,
): Promise<{ ok: boolean; url: string | null }> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return { ok: response.ok, url: body.url ?? null };
}

/** The second step answered with a passkey: its challenge's id and the assertion. */
export type PasskeyAnswer = { challengeId: string; response: unknown };

/**
 * Signs in with email and password, and the second factor when the account
 * asks for one (a code, or a passkey's answer); the error is next-auth's code
 * ("rate_limited", "totp_required", "totp_invalid"), or null.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  totp?: string,
  passkey?: PasskeyAnswer,
): Promise<{ ok: boolean; error: string | null }> {
  const { ok, url } = await post("/api/auth/callback/credentials", {
    email,
    password,
    ...(totp ? { totp } : {}),
    ...(passkey
      ? {
          passkeyChallengeId: passkey.challengeId,
          passkeyResponse: JSON.stringify(passkey.response),
        }
      : {}),
    callbackUrl: window.location.href,
  });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "unknown";
  return { ok: ok && !error, error };
}

/** Ends this browser's session, then loads `callbackUrl` afresh. */
export async function signOutTo(callbackUrl: string): Promise<void> {
  await post("/api/auth/signout", { callbackUrl });
  window.location.assign(callbackUrl);
}

/**
 * Signs in with a passkey's assertion for the challenge of `challengeId`
 * (next-auth's `passkey` provider, lib/auth/session.ts); true when signed in.
 */
export async function signInWithPasskeyAssertion(
  challengeId: string,
  response: unknown,
): Promise<boolean> {
  const { ok, url } = await post("/api/auth/callback/passkey", {
    challengeId,
    response: JSON.stringify(response),
    callbackUrl: window.location.href,
  });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "unknown";
  return ok && !error;
}
