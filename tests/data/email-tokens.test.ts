import { describe, expect, it } from "vitest";
import {
  confirmEmailToken,
  createEmailToken,
  emailVerificationOf,
  pruneEmailTokens,
} from "@/lib/data/email-tokens";
import { listSecurityEvents } from "@/lib/data/security-events";
import { registerUser } from "@/lib/data/users";

const address = () => `v${Math.random().toString(36).slice(2)}@example.com`;

async function newUser() {
  const email = address();
  return { ...(await registerUser({ email, password: "the old passphrase" })), email };
}

describe("email verification links", () => {
  it("start unverified and verify the account's own address once", async () => {
    const user = await newUser();
    expect((await emailVerificationOf(user)).verifiedAt).toBeNull();
    const link = await createEmailToken(user, "verify");
    expect(link.to).toBe(user.email);
    const at = new Date("2026-12-06T10:00:00Z");
    expect(await confirmEmailToken(link.token, at)).toEqual({ purpose: "verify", event: null });
    expect((await emailVerificationOf(user)).verifiedAt).toEqual(at);
    await expect(confirmEmailToken(link.token)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("refuse an expired link and one replaced by a newer one", async () => {
    const user = await newUser();
    const made = new Date("2026-12-01T10:00:00Z");
    const late = await createEmailToken(user, "verify", undefined, made);
    await expect(
      confirmEmailToken(late.token, new Date("2026-12-02T10:00:00Z")),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const older = await createEmailToken(user, "verify");
    await createEmailToken(user, "verify");
    await expect(confirmEmailToken(older.token)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("email change links", () => {
  it("move the account only when followed, verified, and log the old address", async () => {
    const user = await newUser();
    const next = address();
    const link = await createEmailToken(user, "change", next);
    expect(link.to).toBe(next);
    expect(await emailVerificationOf(user)).toMatchObject({
      email: user.email,
      pendingEmail: next,
    });
    const { purpose, event } = await confirmEmailToken(link.token, new Date(), {
      userAgent: "Firefox",
    });
    expect(purpose).toBe("change");
    expect(event).toMatchObject({ kind: "email_changed", detail: user.email });
    const after = await emailVerificationOf(user);
    expect(after).toMatchObject({ email: next, pendingEmail: null });
    expect(after.verifiedAt).not.toBeNull();
    const log = await listSecurityEvents(user, { limit: 10 });
    expect(log.items.map((e) => e.kind)).toContain("email_changed");
    await expect(confirmEmailToken(link.token)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("refuse a taken address at the request and at the confirmation", async () => {
    const user = await newUser();
    const other = await newUser();
    await expect(createEmailToken(user, "change", other.email)).rejects.toMatchObject({
      code: "email_taken",
    });
    const wanted = address();
    const link = await createEmailToken(user, "change", wanted);
    await registerUser({ email: wanted, password: "someone else's" });
    await expect(confirmEmailToken(link.token)).rejects.toMatchObject({ code: "email_taken" });
    expect((await emailVerificationOf(user)).email).toBe(user.email);
  });

  it("a verification sent before a change no longer verifies the new address", async () => {
    const user = await newUser();
    const verify = await createEmailToken(user, "verify");
    const change = await createEmailToken(user, "change", address());
    await confirmEmailToken(change.token);
    await expect(confirmEmailToken(verify.token)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("are pruned a week after they were made", async () => {
    const user = await newUser();
    const old = await createEmailToken(user, "verify", undefined, new Date("2026-11-01T10:00:00Z"));
    await pruneEmailTokens(user.id, new Date("2026-12-01T10:00:00Z"));
    await expect(confirmEmailToken(old.token)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
