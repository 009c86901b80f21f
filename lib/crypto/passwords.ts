import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { ARGON2ID_OPTIONS } from "./argon2-options.mjs";

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
