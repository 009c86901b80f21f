import "server-only";
import { randomBytes } from "node:crypto";
import { sign, verifySignature } from "@/lib/crypto/signing";
import { baseUrl } from "@/lib/config";

// A device cookie (OWASP, "Slow down online guessing attacks with device
// cookies"): after a right password the browser gets a random device id
// signed together with the account's email. Presented with that email again,
// it proves this browser signed in to this account before, and its password
// checks are counted on a counter of their own (lib/auth/login-throttle.ts).
// It grants nothing else: no session, no skipped check.
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const ID = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

const PURPOSE = "cancelcase device cookie v1";

function secure(): boolean {
  return baseUrl().startsWith("https:");
}

/** `__Host-` behind HTTPS: Secure, host-only, path / (the browser enforces all three). */
export function deviceCookieName(): string {
  return secure() ? "__Host-cc_device" : "cc_device";
}

export function deviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: secure(),
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  };
}

/** A new cookie value for a browser that just signed in to `email`. */
export function issueDeviceCookie(email: string): string {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${sign(PURPOSE, `${id}|${email}`)}`;
}

/** The device id when the cookie was issued to this browser for `email`, else null. */
export function trustedDeviceFor(value: string | null | undefined, email: string): string | null {
  const [id, signature, extra] = (value ?? "").split(".");
  if (extra !== undefined || !id || !signature || !ID.test(id) || !SIGNATURE.test(signature)) {
    return null;
  }
  return verifySignature(PURPOSE, `${id}|${email}`, signature) ? id : null;
}
