import { findSessionUser, startSession } from "@/lib/data/sessions";
import { describe, expect, it } from "vitest";
import { parseOptions } from "@node-rs/argon2";
import { createApiToken, listApiTokens } from "@/lib/data/api-tokens";
import {
  changePassword,
  deleteAccount,
  registerUser,
  revokeAllSessions,
  verifyCredentials,
} from "@/lib/data/users";
import { AppError } from "@/lib/errors/app-error";
import { readPasswordHashForTests } from "../support/db-inspect";

const password = "a long and unusual passphrase";

async function newUser(email = `u${Math.random().toString(36).slice(2)}@example.com`) {
  return registerUser({ email, password, name: "Ann" });
}

describe("accounts on a real SQLite file", () => {
  it("registers a user whose credentials then verify", async () => {
    const { id, email } = await newUser("ann@example.com");
    const user = await verifyCredentials(email, password);
    expect(user).toMatchObject({
      id,
      email,
      name: "Ann",
      locale: "en",
      timeZone: "UTC",
      sessionVersion: 0,
    });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("stores an argon2id hash with at least 19 MiB and t=2, never the password", async () => {
    const { id } = await newUser();
    const hash = await readPasswordHashForTests(id);
    expect(hash).not.toContain(password);
    const options = parseOptions(hash);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(options.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(options.timeCost).toBeGreaterThanOrEqual(2);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { email } = await newUser();
    expect(await verifyCredentials(email, "wrong password!")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", password)).toBeNull();
  });

  it("refuses a second account with the same email", async () => {
    await newUser("twice@example.com");
    await expect(newUser("twice@example.com")).rejects.toMatchObject({ code: "email_taken" });
  });

  it("revokes every session on logout-everywhere and on a password change", async () => {
    const { id } = await newUser();
    const first = await startSession(id, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
    expect(await findSessionUser(first, id, 0)).not.toBeNull();
    await revokeAllSessions({ id });
    // The row is gone: the old cookie fails whatever version it carries.
    expect(await findSessionUser(first, id, 0)).toBeNull();
    expect(await findSessionUser(first, id, 1)).toBeNull();

    const second = await startSession(id, "");
    await expect(
      changePassword(
        { id },
        { currentPassword: "not it at all", newPassword: "another fine passphrase" },
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { currentPassword: ["password_wrong"] },
    });
    expect(await findSessionUser(second, id, 1)).not.toBeNull();

    await changePassword(
      { id },
      { currentPassword: password, newPassword: "another fine passphrase" },
    );
    expect(await findSessionUser(second, id, 2)).toBeNull();
    const third = await startSession(id, "");
    const user = await findSessionUser(third, id, 2);
    expect(user).not.toBeNull();
    expect(await verifyCredentials(user!.email, password)).toBeNull();
    expect(await verifyCredentials(user!.email, "another fine passphrase")).not.toBeNull();
  });

  it("deletes an account with everything it owns, only when confirmed", async () => {
    const { id, email } = await newUser();
    await createApiToken({ id }, "script", 90);
    await expect(
      deleteAccount({ id }, { confirmEmail: "other@example.com", password }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      deleteAccount({ id }, { confirmEmail: email, password: "wrong one!" }),
    ).rejects.toMatchObject({
      fields: { password: ["password_wrong"] },
    });
    expect(await listApiTokens({ id })).toHaveLength(1);

    const session = await startSession(id, "");
    await deleteAccount({ id }, { confirmEmail: email, password });
    expect(await findSessionUser(session, id, 0)).toBeNull();
    expect(await listApiTokens({ id })).toHaveLength(0);
    expect(await verifyCredentials(email, password)).toBeNull();
  });
});
