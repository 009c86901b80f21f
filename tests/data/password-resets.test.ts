import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/crypto/passwords";
import {
  completePasswordReset,
  createPasswordReset,
  prunePasswordResets,
} from "@/lib/data/password-resets";
import { startSession, findSessionUser } from "@/lib/data/sessions";
import { registerUser } from "@/lib/data/users";
import { countPasswordResetsForTests, readPasswordHashForTests } from "../support/db-inspect";

async function newUser() {
  const email = `p${Math.random().toString(36).slice(2)}@example.com`;
  return { ...(await registerUser({ email, password: "the old passphrase" })), email };
}

describe("password reset links", () => {
  it("work once: two uses at the same moment change the password once", async () => {
    const user = await newUser();
    const reset = (await createPasswordReset(user.email))!;
    const outcomes = await Promise.allSettled([
      completePasswordReset(reset.token, "first new passphrase"),
      completePasswordReset(reset.token, "second new passphrase"),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const hash = await readPasswordHashForTests(user.id);
    const first = await verifyPassword(hash, "first new passphrase");
    const second = await verifyPassword(hash, "second new passphrase");
    expect(first !== second).toBe(true);
  });

  it("expire after 30 minutes, die when another is used, and end every session", async () => {
    const user = await newUser();
    const sid = await startSession(user.id, "test browser");
    const at = new Date("2026-12-01T10:00:00Z");
    const late = (await createPasswordReset(user.email, at))!;
    await expect(
      completePasswordReset(late.token, "too late passphrase", new Date("2026-12-01T10:30:01Z")),
    ).rejects.toMatchObject({ fields: { token: ["reset_link_invalid"] } });

    const older = (await createPasswordReset(user.email))!;
    const newer = (await createPasswordReset(user.email))!;
    await completePasswordReset(newer.token, "the newest passphrase");
    await expect(completePasswordReset(older.token, "x passphrase here")).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await findSessionUser(sid, user.id, 0)).toBeNull();
    expect(await createPasswordReset("nobody@example.com")).toBeNull();
  });

  it("are deleted a day after they were made", async () => {
    const user = await newUser();
    await createPasswordReset(user.email, new Date("2026-11-01T10:00:00Z"));
    await createPasswordReset(user.email, new Date("2026-11-02T09:00:00Z"));
    await prunePasswordResets(user.id, new Date("2026-11-02T10:00:01Z"));
    expect(await countPasswordResetsForTests(user.id)).toBe(1);
  });
});
