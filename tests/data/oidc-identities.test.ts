import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  findOidcIdentityOwner,
  findUserByEmail,
  linkOidcIdentity,
  listOidcIdentities,
} from "@/lib/data/oidc-identities";
import { confirmEmailToken, createEmailToken } from "@/lib/data/email-tokens";
import { newUser } from "../support/fixtures";

// An identity at a provider belongs to one account at most (the unique
// issuer + subject), whatever the email it asserts.

const issuer = "https://auth.example.com/application/o/cancelcase/";
const identityOf = (subject = randomUUID()) => ({ issuer, subject, email: "ada@example.com" });

describe("OIDC identities (lib/data/oidc-identities.ts)", () => {
  it("links an identity and finds its account by issuer and subject", async () => {
    const user = await newUser();
    const identity = identityOf();
    expect(await findOidcIdentityOwner(identity)).toBeNull();
    expect(await linkOidcIdentity(user, identity)).toBe("linked");
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
    expect(await linkOidcIdentity(first, identity)).toBe("linked");
    expect(await linkOidcIdentity(first, identity)).toBe("linked");
    expect(await linkOidcIdentity(second, identity)).toBe("taken");
    expect(await findOidcIdentityOwner(identity)).toBe(first.id);
    expect(await listOidcIdentities(second)).toEqual([]);
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
