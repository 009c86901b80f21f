import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";

// argon2id with OWASP's minimum (19 MiB, t=2, p=1), which DESIGN.md requires.
// `algorithm: 2` is Argon2id; the package exports it as a const enum, which
// isolated modules cannot import.
const ARGON2ID_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2ID_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same argon2 work as a real check, so that an unknown email takes
 * as long to refuse as a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await prepareDummyHash(), password);
  return false;
}

/**
 * Makes the dummy hash ahead of the first login (instrumentation.ts), so that
 * even the first unknown email does not take a hash longer than a wrong password.
 */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("cancelcase-dummy-password-never-matches");
  return dummyHash;
}
