// `npm run reset-password -- user@example.com`: for the operator of an
// instance without email. Sets a new random password on the account, ends
// every session and API token it has (as a password change does), and
// prints the new password once, for the operator to pass on. The user then
// changes it in Settings → Password.
import { randomInt } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { ARGON2ID_OPTIONS } from "../lib/crypto/argon2-options.mjs";
import { databaseFile } from "../lib/config/paths.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// No 0/O, 1/l/I: it is read out or typed by a person.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of five: about 99 bits, far past the sign-in rules. */
export function temporaryPassword() {
  const group = () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

/** Resets the account's password; returns the new one, or null when there is no such account. */
export async function resetPassword(email, { file = databaseFile(root) } = {}) {
  const address = String(email ?? "")
    .trim()
    .toLowerCase();
  if (!address) throw new Error("usage: npm run reset-password -- <email>");
  const password = temporaryPassword();
  const passwordHash = await hash(password.normalize("NFC"), ARGON2ID_OPTIONS);
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(address);
    if (!user) return null;
    // The format Prisma's SQLite adapter writes, so the app reads it back as it wrote it.
    const now = new Date().toISOString().replace("Z", "+00:00");
    db.transaction(() => {
      db.prepare(
        "UPDATE User SET passwordHash = ?, sessionVersion = sessionVersion + 1, updatedAt = ? WHERE id = ?",
      ).run(passwordHash, now, user.id);
      db.prepare("DELETE FROM Session WHERE userId = ?").run(user.id);
      db.prepare("UPDATE ApiToken SET revokedAt = ? WHERE userId = ? AND revokedAt IS NULL").run(
        now,
        user.id,
      );
    })();
    return password;
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const email = process.argv[2];
  try {
    const password = await resetPassword(email);
    if (!password) {
      console.error(
        `[cancelcase] no account has the email ${JSON.stringify(email)}; nothing was changed`,
      );
      process.exit(1);
    }
    console.log(
      `[cancelcase] the password of ${email.trim().toLowerCase()} is now:\n\n    ${password}\n`,
    );
    console.log(
      "Every session and API token of the account has ended. Pass the password on privately;\n" +
        "they sign in with it and choose their own in Settings → Password.",
    );
  } catch (error) {
    console.error(`[cancelcase] reset-password failed: ${error.message}`);
    process.exit(1);
  }
}
