import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { nextauthSecret } from "@/lib/config";

// Secrets the server must read back (a TOTP seed) are sealed before they
// reach the database: AES-256-GCM under a key derived with HKDF-SHA256 from
// the auth secret (NEXTAUTH_SECRET, or the one `npm start` keeps in DATA_DIR),
// so a copied database file or backup alone does not give them away. The
// purpose and the owner's id are the associated data: a sealed value moved to
// another row or another use does not open. Rotating the auth secret makes
// sealed values unreadable (docs/decisions/023-totp.md says what that means).

const VERSION = "v1";

// A bare test process has no auth secret: one per process, on globalThis
// because Next.js may load this module once per route bundle.
const store = globalThis as unknown as { cancelCaseBoxSecret?: string };

function keyFor(purpose: string): Buffer {
  const secret =
    nextauthSecret() ?? (store.cancelCaseBoxSecret ??= randomBytes(32).toString("hex"));
  return Buffer.from(hkdfSync("sha256", secret, "cancelcase secret-box", purpose, 32));
}

/** `plain` sealed for `purpose` and `owner`: `v1.<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(purpose: string, owner: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(`${purpose}|${owner}`));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain value of a sealed one, or null when it does not open (another key, owner or purpose). */
export function open(purpose: string, owner: string, sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${purpose}|${owner}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
