import { describe, expect, it } from "vitest";
import { decideOidcSignIn, emailDomain, type OidcSignInFacts } from "@/lib/domain/oidc-sign-in";

// Who a single sign-on becomes (lib/domain/oidc-sign-in.ts): linking needs
// proof, closed registration holds unless the domain is allowed.

const nobody: OidcSignInFacts = {
  identityUserId: null,
  signedInUserId: null,
  emailUserId: null,
  emailUserVerified: true,
  email: "ada@example.com",
  emailVerified: true,
  registrationOpen: true,
  allowedDomains: [],
};

const decide = (facts: Partial<OidcSignInFacts>) => decideOidcSignIn({ ...nobody, ...facts });

describe("decideOidcSignIn", () => {
  it("signs a linked identity in to its own account", () => {
    expect(decide({ identityUserId: "u1" })).toEqual({ kind: "sign_in", userId: "u1" });
    expect(decide({ identityUserId: "u1", signedInUserId: "u1" })).toEqual({
      kind: "sign_in",
      userId: "u1",
    });
  });

  it("refuses an identity linked to another account than the signed-in one", () => {
    expect(decide({ identityUserId: "u1", signedInUserId: "u2" })).toEqual({
      kind: "refused",
      reason: "identity_of_another_account",
    });
  });

  it("links to the signed-in account: being signed in is the proof", () => {
    expect(decide({ signedInUserId: "u2", emailUserId: "u3", emailVerified: false })).toEqual({
      kind: "link",
      userId: "u2",
    });
  });

  it("links by email only when the provider says it verified that email", () => {
    expect(decide({ emailUserId: "u3" })).toEqual({ kind: "link", userId: "u3" });
    expect(decide({ emailUserId: "u3", emailVerified: false })).toEqual({
      kind: "refused",
      reason: "link_needs_proof",
    });
  });

  it("links by email only to an account that verified the address here too", () => {
    // Someone signed up with the owner's address and set the password: the
    // owner's first single sign-on must not open that account to them both.
    expect(decide({ emailUserId: "u3", emailUserVerified: false })).toEqual({
      kind: "refused",
      reason: "account_unverified",
    });
    // Signed in, the person has proved the account is theirs.
    expect(decide({ signedInUserId: "u3", emailUserId: "u3", emailUserVerified: false })).toEqual({
      kind: "link",
      userId: "u3",
    });
  });

  it("needs an email to make or find an account", () => {
    expect(decide({ email: null })).toEqual({ kind: "refused", reason: "email_missing" });
  });

  it("makes an account while registration is open", () => {
    expect(decide({ emailVerified: false })).toEqual({ kind: "create", email: "ada@example.com" });
  });

  it("keeps closed registration closed unless a verified email is of an allowed domain", () => {
    const closed = { registrationOpen: false };
    expect(decide(closed)).toEqual({ kind: "refused", reason: "registration_closed" });
    expect(decide({ ...closed, allowedDomains: ["example.com"] })).toEqual({
      kind: "create",
      email: "ada@example.com",
    });
    expect(
      decide({ ...closed, email: "ada@EXAMPLE.com", allowedDomains: ["example.com"] }),
    ).toEqual({ kind: "create", email: "ada@EXAMPLE.com" });
    expect(decide({ ...closed, allowedDomains: ["example.com"], emailVerified: false })).toEqual({
      kind: "refused",
      reason: "registration_closed",
    });
    expect(
      decide({ ...closed, email: "ada@evil-example.com", allowedDomains: ["example.com"] }),
    ).toEqual({ kind: "refused", reason: "registration_closed" });
  });
});

describe("emailDomain", () => {
  it("is the lower-case part after the last @", () => {
    expect(emailDomain("Ada@Staff.Example.COM")).toBe("staff.example.com");
    expect(emailDomain("no-at-sign")).toBe("");
  });
});
