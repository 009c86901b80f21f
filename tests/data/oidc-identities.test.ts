import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  findOidcIdentityOwner,
  findUserByEmail,
  linkOidcIdentity,
  listOidcIdentities,
  unlinkOidcIdentity,
} from "@/lib/data/oidc-identities";
import { listSecurityEvents } from "@/lib/data/security-events";
import { confirmEmailToken, createEmailToken } from "@/lib/data/email-tokens";
import { newUser } from "../support/fixtures";

// An identity at a provider belongs to one account at most (the unique
// issuer + subject), whatever the email it asserts.

const issuer = "https://auth.example.com/application/o/cancelcase/";
const identityOf = (subject = randomUUID()) => ({ issuer, subject, email: "ada@example.com" });

/** The account's security log, newest first: kind and detail. */
async function kinds(user: { id: string }) {
  const page = await listSecurityEvents(user, { limit: 100 });
  return page.items.map((event) => [event.kind, event.detail]);
}

describe("OIDC identities (lib/data/oidc-identities.ts)", () => {
  it("links an identity and finds its account by issuer and subject", async () => {
    const user = await newUser();
    const identity = identityOf();
    expect(await findOidcIdentityOwner(identity)).toBeNull();
    expect((await linkOidcIdentity(user, identity)).outcome).toBe("linked");
    expect(await findOidcIdentityOwner(identity)).toBe(user.id);
    expect(
      await findOidcIdentityOwner({
        issuer: "https://other.example.com",
        subject: identity.subject,
      }),
    ).toBeNull();
    expect(await listOidcIdentities(user)).toEqual([
      expect.objectContaining({ issuer, email: "ada@example.com" }),
    ]);
  });

  it("keeps an identity with its first account: a second link is refused", async () => {
    const first = await newUser();
    const second = await newUser();
    const identity = identityOf();
    expect((await linkOidcIdentity(first, identity)).outcome).toBe("linked");
    expect(await linkOidcIdentity(first, identity)).toEqual({ outcome: "linked", event: null });
    expect(await linkOidcIdentity(second, identity)).toEqual({ outcome: "taken", event: null });
    expect(await findOidcIdentityOwner(identity)).toBe(first.id);
    expect(await listOidcIdentities(second)).toEqual([]);
    // The refused link left the other account's log as it was.
    expect(await kinds(second)).toEqual([]);
  });

  it("logs a link and an unlink, each with the identity it was, and only once", async () => {
    const user = await newUser();
    const identity = identityOf();
    const { event } = await linkOidcIdentity(user, identity, { userAgent: "Firefox" });
    expect(event).toMatchObject({
      kind: "oidc_linked",
      userId: user.id,
      userAgent: "Firefox",
      detail: "ada@example.com (auth.example.com)",
    });
    await linkOidcIdentity(user, identity); // already linked: nothing new to log
    const [linked] = await listOidcIdentities(user);
    const unlinked = await unlinkOidcIdentity(user, linked!.id, { userAgent: "Safari" });
    expect(unlinked).toMatchObject({ kind: "oidc_unlinked", userAgent: "Safari" });
    expect(await kinds(user)).toEqual([
      ["oidc_unlinked", "ada@example.com (auth.example.com)"],
      ["oidc_linked", "ada@example.com (auth.example.com)"],
    ]);
    // Gone now, or another account's: not found, and nothing logged.
    const other = await newUser();
    await expect(unlinkOidcIdentity(user, linked!.id)).rejects.toMatchObject({ code: "not_found" });
    const { event: othersEvent } = await linkOidcIdentity(other, identityOf());
    const [othersIdentity] = await listOidcIdentities(other);
    await expect(unlinkOidcIdentity(user, othersIdentity!.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listOidcIdentities(other)).toHaveLength(1);
    expect(othersEvent?.userId).toBe(other.id);
    expect(await kinds(user)).toHaveLength(2);
  });

  it("finds an account by its email whatever the case the provider wrote it in", async () => {
    const user = await newUser();
    expect(await findUserByEmail(user.email.toUpperCase())).toEqual({
      id: user.id,
      emailVerified: false,
    });
    await confirmEmailToken((await createEmailToken(user, "verify")).token);
    expect(await findUserByEmail(user.email)).toEqual({ id: user.id, emailVerified: true });
    expect(await findUserByEmail(`${randomUUID()}@example.com`)).toBeNull();
  });
});
