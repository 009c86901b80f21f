import { describe, expect, it } from "vitest";
import { authenticateApiToken, listApiTokens } from "@/lib/data/api-tokens";
import type { SessionUser } from "@/lib/data/users";
import {
  createApiTokenForCredentials,
  createApiTokenForUser,
} from "@/lib/services/create-api-token";
import { newUser } from "../support/fixtures";

const password = "a test account's passphrase";

async function signedIn(): Promise<SessionUser> {
  const { id, email } = await newUser({ password });
  return { id, email, name: "", locale: "en", timeZone: "UTC", sessionVersion: 0, dataVersion: 0 };
}

describe("creating an API token", () => {
  it("in Settings takes the current password again, and makes nothing without it", async () => {
    const user = await signedIn();
    const client = { address: "198.51.100.31" };
    await expect(
      createApiTokenForUser(
        user,
        { name: "laptop", expiresInDays: 30, currentPassword: "not the passphrase" },
        client,
      ),
    ).rejects.toMatchObject({ fields: { currentPassword: ["password_wrong"] } });
    expect(await listApiTokens(user)).toEqual([]);

    const token = await createApiTokenForUser(
      user,
      { name: "laptop", expiresInDays: 30, currentPassword: password },
      client,
    );
    expect((await authenticateApiToken(token))?.id).toBe(user.id);
    expect((await listApiTokens(user)).map((t) => t.name)).toEqual(["laptop"]);
  });

  it("through the API takes the account's email and password, as signing in does", async () => {
    const user = await signedIn();
    const client = { address: "198.51.100.32" };
    await expect(
      createApiTokenForCredentials(
        { email: user.email, password: "not the passphrase", expiresInDays: 30 },
        client,
      ),
    ).rejects.toMatchObject({ code: "unauthorized" });
    expect(await listApiTokens(user)).toEqual([]);

    const token = await createApiTokenForCredentials(
      { email: user.email, password, expiresInDays: 30 },
      client,
    );
    expect((await authenticateApiToken(token))?.id).toBe(user.id);
    expect((await listApiTokens(user)).map((t) => t.name)).toEqual(["API token"]);
  });
});
