import { describe, expect, it, vi } from "vitest";
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/data/api-tokens";
import { changePassword, revokeAllSessions } from "@/lib/data/users";
import { hashApiToken } from "@/lib/crypto/api-token-secret";
import { readTokenRowsForTests } from "../support/db-inspect";
import { newUser } from "../support/fixtures";

describe("API tokens on a real SQLite file", () => {
  it("are stored only as a hash and authenticate their owner", async () => {
    const user = await newUser();
    const { token, summary } = await createApiToken(user, "backup script", 90);
    const rows = await readTokenRowsForTests(user.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.tokenHash).toBe(hashApiToken(token));
    expect(summary).toMatchObject({
      name: "backup script",
      hint: token.slice(0, 7),
      revokedAt: null,
    });
    // Every token expires: 90 days from now, as chosen.
    const days = (summary.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);

    const acting = await authenticateApiToken(token);
    expect(acting?.id).toBe(user.id);
    const [listed] = await listApiTokens(user);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("stop working once revoked, and only their owner can revoke them", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { token, summary } = await createApiToken(owner, "phone", 30);

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

  it("end with a password change and with log-out-everywhere", async () => {
    const user = await newUser({ password: "tokens are fun to test" });
    const first = await createApiToken(user, "cron", 365);
    await changePassword(user, {
      currentPassword: "tokens are fun to test",
      newPassword: "a brand new passphrase",
    });
    expect(await authenticateApiToken(first.token)).toBeNull();

    const second = await createApiToken(user, "cron again", 365);
    expect(await authenticateApiToken(second.token)).not.toBeNull();
    await revokeAllSessions(user);
    expect(await authenticateApiToken(second.token)).toBeNull();
    expect((await listApiTokens(user)).every((token) => token.revokedAt)).toBe(true);
  });

  it("stop working when they expire", async () => {
    const user = await newUser();
    vi.useFakeTimers({ now: Date.now() - 31 * 86_400_000, toFake: ["Date"] });
    const old = await createApiToken(user, "last month", 30);
    vi.useRealTimers();
    expect(old.summary.expiresAt!.getTime()).toBeLessThan(Date.now());
    expect(await authenticateApiToken(old.token)).toBeNull();
  });
});
