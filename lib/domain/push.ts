import { ECDH } from "node:crypto";

// Which push endpoints the server will POST to. A push subscription names a
// URL the server later calls, so a hostile user could point it at anything
// the server can reach (a metadata service, an admin port): only the push
// services browsers actually use are allowed, over https, plus the origins
// an operator lists in PUSH_ALLOWED_ORIGINS (a self-hosted push service).
const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "updates.push.services.mozilla.com",
  "web.push.apple.com",
  ".push.apple.com",
  ".notify.windows.com",
];

export const PUSH_ENDPOINT_MAX = 1024;

export function isAllowedPushEndpoint(endpoint: string, extraOrigins: readonly string[]): boolean {
  if (endpoint.length > PUSH_ENDPOINT_MAX) return false;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password || url.protocol !== "https:") return false;
  if (extraOrigins.includes(url.origin)) return true;
  if (url.port !== "") return false;
  const host = url.hostname.toLowerCase();
  return PUSH_SERVICE_HOSTS.some((allowed) =>
    allowed.startsWith(".")
      ? host.endsWith(allowed) && host.length > allowed.length
      : host === allowed,
  );
}

/**
 * A browser's push keys (RFC 8291): base64url, an uncompressed point that is
 * on the P-256 curve (65 bytes that are not would make every later send fail
 * to encrypt) and a 16-byte secret.
 */
export function isPushKeys(keys: { p256dh: string; auth: string }): boolean {
  const decoded = (value: string) =>
    /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64url") : Buffer.alloc(0);
  const point = decoded(keys.p256dh);
  if (point.length !== 65 || point[0] !== 0x04 || decoded(keys.auth).length !== 16) return false;
  try {
    ECDH.convertKey(point, "prime256v1"); // refuses a point off the curve
    return true;
  } catch {
    return false;
  }
}
