import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  addPasskey,
  listPasskeys,
  passkeyCredentialsOf,
  removePasskey,
  renamePasskey,
  type NewPasskey,
} from "@/lib/data/passkeys";
import { listSecurityEvents } from "@/lib/data/security-events";
import { saveChallenge, sweepChallenges, takeChallenge } from "@/lib/data/webauthn-challenges";
import { CHALLENGE_TTL_MS, PASSKEYS_PER_USER } from "@/lib/domain/passkeys";
import { newUser } from "../support/fixtures";

// Passkeys: each account sees and changes only its own, the cap holds, and
// adding or removing one leaves its entry in the security log (decision 024).

function credential(name = "Laptop"): NewPasskey {
  return {
    credentialId: randomUUID(),
    publicKey: "pQECAyYgASFYIA",
    counter: 0,
    transports: "internal,hybrid",
    name,
  };
}

async function kinds(user: { id: string }) {
  const page = await listSecurityEvents(user, { limit: 100 });
  return page.items.map((e) => [e.kind, e.detail]);
}

describe("passkeys", () => {
  it("adds, lists, renames and removes one, logging added and removed with its name", async () => {
    const user = await newUser();
    const { passkey, event } = await addPasskey(user, credential("Work laptop"), {
      userAgent: "Chrome",
    });
    expect(event).toMatchObject({ kind: "passkey_added", userAgent: "Chrome" });
    expect(await listPasskeys(user)).toEqual([passkey]);

    const renamed = await renamePasskey(user, passkey.id, "Home laptop");
    expect(renamed.name).toBe("Home laptop");

    await removePasskey(user, passkey.id);
    expect(await listPasskeys(user)).toEqual([]);
    expect(await kinds(user)).toEqual([
      ["passkey_removed", "Home laptop"],
      ["passkey_added", "Work laptop"],
    ]);
  });

  it("keeps each account's passkeys its own: another's is not found and stays", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { passkey } = await addPasskey(owner, credential());

    expect(await listPasskeys(other)).toEqual([]);
    expect(await passkeyCredentialsOf(other)).toEqual([]);
    await expect(renamePasskey(other, passkey.id, "Mine now")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(removePasskey(other, passkey.id)).rejects.toMatchObject({ code: "not_found" });

    expect(await listPasskeys(owner)).toEqual([passkey]);
    expect(await kinds(other)).toEqual([]);
  });

  it("refuses a credential id that is stored already, for any account, and logs nothing", async () => {
    const first = await newUser();
    const second = await newUser();
    const key = credential();
    await addPasskey(first, key);
    await expect(addPasskey(second, key)).rejects.toMatchObject({ code: "conflict" });
    expect(await kinds(second)).toEqual([]);
  });

  it(`stops at ${PASSKEYS_PER_USER} passkeys, counted before the insert`, async () => {
    const user = await newUser();
    for (let i = 0; i < PASSKEYS_PER_USER; i++) await addPasskey(user, credential(`Key ${i}`));
    await expect(addPasskey(user, credential("One too many"))).rejects.toMatchObject({
      code: "limit_reached",
      details: { limit: PASSKEYS_PER_USER },
    });
    expect(await listPasskeys(user)).toHaveLength(PASSKEYS_PER_USER);
    const events = await kinds(user);
    expect(events.filter(([kind]) => kind === "passkey_added")).toHaveLength(PASSKEYS_PER_USER);

    // Another account's cap is its own.
    const other = await newUser();
    await expect(addPasskey(other, credential())).resolves.toBeTruthy();
  });
});

describe("WebAuthn challenges", () => {
  it("answers once, for its purpose and user only, and not after it expired", async () => {
    const user = await newUser();
    const now = new Date("2026-12-06T12:00:00Z");

    const once = await saveChallenge("register", "abc", user.id, now);
    expect(await takeChallenge(once, "register", user.id, now)).toBe("abc");
    expect(await takeChallenge(once, "register", user.id, now)).toBeNull();

    const wrongPurpose = await saveChallenge("register", "abc", user.id, now);
    expect(await takeChallenge(wrongPurpose, "authenticate", user.id, now)).toBeNull();

    const other = await newUser();
    const wrongUser = await saveChallenge("register", "abc", user.id, now);
    expect(await takeChallenge(wrongUser, "register", other.id, now)).toBeNull();

    const late = await saveChallenge("authenticate", "xyz", null, now);
    const after = new Date(now.getTime() + CHALLENGE_TTL_MS);
    expect(await takeChallenge(late, "authenticate", null, after)).toBeNull();

    const abandoned = await saveChallenge("authenticate", "xyz", null, now);
    expect(await sweepChallenges(after)).toBeGreaterThanOrEqual(1);
    expect(await takeChallenge(abandoned, "authenticate", null, now)).toBeNull();
  });
});
