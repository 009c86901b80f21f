import { describe, expect, it } from "vitest";
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/data/api-tokens";
import { registerUser } from "@/lib/data/users";
import { hashApiToken } from "@/lib/auth/api-token-secret";
import { readTokenRowsForTests } from "../support/db-inspect";

async function newUser() {
  return registerUser({
    email: `t${Math.random().toString(36).slice(2)}@example.com`,
    password: "tokens are fun to test",
  });
}

describe("API tokens on a real SQLite file", () => {
  it("are stored only as a hash and authenticate their owner", async () => {
    const user = await newUser();
    const { token, summary } = await createApiToken(user, "backup script");
    const rows = await readTokenRowsForTests(user.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.tokenHash).toBe(hashApiToken(token));
    expect(summary).toMatchObject({
      name: "backup script",
      hint: token.slice(0, 7),
      revokedAt: null,
    });

    const acting = await authenticateApiToken(token);
    expect(acting?.id).toBe(user.id);
    const [listed] = await listApiTokens(user);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("stop working once revoked, and only their owner can revoke them", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { token, summary } = await createApiToken(owner, "phone");

    await expect(revokeApiToken(other, summary.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await authenticateApiToken(token)).not.toBeNull();

    await revokeApiToken(owner, summary.id);
    expect(await authenticateApiToken(token)).toBeNull();
    await revokeApiToken(owner, summary.id); // revoking twice is harmless
    expect((await listApiTokens(owner))[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuse unknown and malformed tokens", async () => {
    expect(await authenticateApiToken("cc_" + "A".repeat(43))).toBeNull();
    expect(await authenticateApiToken("")).toBeNull();
    expect(await authenticateApiToken("' OR 1=1 --")).toBeNull();
  });
});
