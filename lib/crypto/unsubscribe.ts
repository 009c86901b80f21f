import "server-only";
import { sign, verifySignature } from "./signing";

// The one-click unsubscribe link in every reminder email (RFC 8058): the
// user's id signed by the server, so it works without a session and cannot
// be made for anyone else.
const PURPOSE = "cancelcase unsubscribe v1";
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

export function unsubscribeToken(userId: string): string {
  return `${userId}.${sign(PURPOSE, userId)}`;
}

/** The user the token was made for, or null. */
export function unsubscribeTokenUser(token: string): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  return verifySignature(PURPOSE, match[1]!, match[2]!) ? match[1]! : null;
}
