import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken } from "@/lib/data/api-tokens";
import { findSessionUser, startSession } from "@/lib/data/sessions";
import { registerUser, verifyCredentials } from "@/lib/data/users";
import { resetPasswordAsOperator } from "@/lib/services/operator-password-reset";

// npm run reset-password goes through the data layer, so it works on the
// engine DATABASE_URL names: this file runs in both Vitest projects (SQLite
// and PostgreSQL). It used to write SQLite with better-sqlite3 and refused PostgreSQL.

const password = "a long and unusual passphrase";

describe("the operator's password reset", () => {
  it("sets a new password and ends every session and API token of the account", async () => {
    const { id, email } = await registerUser({
      email: "reset.me@example.com",
      password,
      name: "Ann",
    });
    const session = await startSession(id, "");
    const { token } = await createApiToken({ id }, "script", 90);
    expect(await authenticateApiToken(token)).not.toBeNull();

    // The address as the operator types it (any case, stray spaces); accounts keep it lower-cased.
    const temporary = await resetPasswordAsOperator("  RESET.me@EXAMPLE.com ");
    expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    expect(await verifyCredentials(email, password)).toBeNull();
    expect(await verifyCredentials(email, temporary!)).toMatchObject({ id, sessionVersion: 1 });
    expect(await findSessionUser(session, id, 0)).toBeNull();
    expect(await findSessionUser(session, id, 1)).toBeNull();
    expect(await authenticateApiToken(token)).toBeNull();
  });

  it("changes nothing when no account has the address", async () => {
    const { id } = await registerUser({ email: "keep@example.com", password, name: "Bo" });
    const session = await startSession(id, "");
    expect(await resetPasswordAsOperator("nobody-here@example.com")).toBeNull();
    expect(await verifyCredentials("keep@example.com", password)).not.toBeNull();
    expect(await findSessionUser(session, id, 0)).not.toBeNull();
  });
});
