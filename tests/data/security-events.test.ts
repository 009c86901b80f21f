import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
// eslint-disable-next-line no-restricted-imports -- the cap's 500 rows in one statement, and the rows it left
import { db } from "@/lib/db/client";
import { completePasswordReset, createPasswordReset } from "@/lib/data/password-resets";
import { listSecurityEvents, recordSecurityEvent } from "@/lib/data/security-events";
import {
  changePassword,
  deleteAccount,
  revokeAllSessions,
  setPasswordOfEmail,
} from "@/lib/data/users";
import { SECURITY_EVENTS_KEPT } from "@/lib/domain/security-events";
import { newUser } from "../support/fixtures";

// The security log: each change leaves exactly one entry, written with the
// change, and a change that failed leaves none.

const PASSWORD = "a test account's passphrase";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function kinds(user: { id: string }) {
  const page = await listSecurityEvents(user, { limit: 100 });
  return page.items.map((e) => e.kind);
}

describe("the security log", () => {
  it("records a password change with the browser, and nothing for a wrong current password", async () => {
    const user = await newUser();
    await expect(
      changePassword(user, { currentPassword: "not the password", newPassword: "x".repeat(12) }),
    ).rejects.toMatchObject({ fields: { currentPassword: ["password_wrong"] } });
    expect(await kinds(user)).toEqual([]);

    const event = await changePassword(
      user,
      { currentPassword: PASSWORD, newPassword: "a new passphrase here" },
      { userAgent: FIREFOX },
    );
    const { items } = await listSecurityEvents(user, { limit: 100 });
    expect(items).toEqual([
      { id: event.id, kind: "password_changed", at: event.at, userAgent: FIREFOX, detail: null },
    ]);
  });

  it("records log-out-everywhere", async () => {
    const user = await newUser();
    await revokeAllSessions(user, { userAgent: FIREFOX });
    expect(await kinds(user)).toEqual(["sessions_revoked"]);
  });

  it("records a token made and revoked with its name; revoking again or another's token adds nothing", async () => {
    const user = await newUser();
    const other = await newUser();
    const { summary } = await createApiToken(user, "Backup script", 30);
    await revokeApiToken(user, summary.id);
    await revokeApiToken(user, summary.id);
    await expect(revokeApiToken(other, summary.id)).rejects.toMatchObject({ code: "not_found" });
    const { items } = await listSecurityEvents(user, { limit: 100 });
    expect(items.map((e) => [e.kind, e.detail])).toEqual([
      ["token_revoked", "Backup script"],
      ["token_created", "Backup script"],
    ]);
    expect(await kinds(other)).toEqual([]);
  });

  it("records a reset by link once, and nothing for a dead link", async () => {
    const user = await newUser();
    const reset = (await createPasswordReset(user.email))!;
    await completePasswordReset(reset.token, "the reset passphrase", new Date(), {
      userAgent: FIREFOX,
    });
    await expect(completePasswordReset(reset.token, "again a passphrase")).rejects.toMatchObject({
      fields: { token: ["reset_link_invalid"] },
    });
    expect(await kinds(user)).toEqual(["password_reset"]);
  });

  it("records the operator's reset as such", async () => {
    const user = await newUser();
    await setPasswordOfEmail(user.email, "not-a-real-hash");
    const { items } = await listSecurityEvents(user, { limit: 100 });
    expect(items.map((e) => [e.kind, e.detail])).toEqual([["password_reset", "operator"]]);
  });

  it("rolls back with the change it records", async () => {
    const user = await newUser();
    await expect(
      db.$transaction(async (tx) => {
        await recordSecurityEvent(user, "totp_enabled", {}, tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await kinds(user)).toEqual([]);
  });

  it("lists only the user's own events, newest first, in pages", async () => {
    const user = await newUser();
    const other = await newUser();
    const base = Date.parse("2026-12-01T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await recordSecurityEvent(
        user,
        "token_created",
        { detail: `t${i}` },
        undefined,
        new Date(base + i * 1000),
      );
    }
    // Two at the same instant: the id orders them, and neither is lost between pages.
    await recordSecurityEvent(
      user,
      "token_revoked",
      { detail: "t4" },
      undefined,
      new Date(base + 4000),
    );
    await recordSecurityEvent(other, "password_changed");

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSecurityEvents(user, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => `${e.kind}:${e.detail}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.slice(2)).toEqual([
      "token_created:t3",
      "token_created:t2",
      "token_created:t1",
      "token_created:t0",
    ]);
    expect(await kinds(other)).toEqual(["password_changed"]);
  });

  it(`keeps the newest ${SECURITY_EVENTS_KEPT} per user`, async () => {
    const user = await newUser();
    const other = await newUser();
    await recordSecurityEvent(other, "password_changed");
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db.securityEvent.createMany({
      data: Array.from({ length: SECURITY_EVENTS_KEPT }, (_, i) => ({
        userId: user.id,
        kind: "token_created",
        detail: `old ${i}`,
        at: new Date(base + i * 1000),
      })),
    });
    await recordSecurityEvent(user, "password_changed");
    await recordSecurityEvent(user, "sessions_revoked");
    expect(await db.securityEvent.count({ where: { userId: user.id } })).toBe(SECURITY_EVENTS_KEPT);
    const oldest = await db.securityEvent.findFirst({
      where: { userId: user.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { detail: true },
    });
    expect(oldest?.detail).toBe("old 2");
    expect(await kinds(other)).toEqual(["password_changed"]);
  });

  it("goes with the account", async () => {
    const user = await newUser();
    await recordSecurityEvent(user, "password_changed");
    await deleteAccount(user, { password: PASSWORD, confirmEmail: user.email });
    expect(await db.securityEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});
