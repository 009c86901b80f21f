import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { nextauthSecret } from "@/lib/config";

// Values the server signs and later takes back (a device cookie, an
// unsubscribe link): HMAC-SHA256 under a key derived from the auth secret
// for each purpose, so one kind of signature is never valid as another.

let fallbackSecret: string | undefined;

function keyFor(purpose: string): Buffer {
  // npm start always sets NEXTAUTH_SECRET; a bare test process gets one of its own.
  const secret = nextauthSecret() ?? (fallbackSecret ??= randomBytes(32).toString("hex"));
  return createHmac("sha256", secret).update(purpose).digest();
}

/** The base64url signature (43 characters) of `data` for `purpose`. */
export function sign(purpose: string, data: string): string {
  return createHmac("sha256", keyFor(purpose)).update(data).digest("base64url");
}

/** Whether `signature` is `data`'s for `purpose`, compared in constant time. */
export function verifySignature(purpose: string, data: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, data));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
