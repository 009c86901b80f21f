import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { finishOidcFlow, oidcRedirectUri, startOidcFlow } from "@/lib/auth/oidc-flow";
import { oidcSettings } from "@/lib/config";
import { listOidcIdentities } from "@/lib/data/oidc-identities";
import { resolveOidcSignIn } from "@/lib/services/oidc-sign-in";
import { confirmEmailToken, createEmailToken, emailVerificationOf } from "@/lib/data/email-tokens";
import { newUser } from "../support/fixtures";
import {
  signInAtProvider,
  startOidcProvider,
  type TestOidcProvider,
} from "../support/oidc-provider";

// Single sign-on against a real provider (oidc-provider, started here):
// first sign-in makes an account, linking needs proof, closed registration
// holds unless the domain is allowed. Each test has people of its own.

const BASE_URL = "http://localhost:3998";
let provider: TestOidcProvider;

beforeAll(async () => {
  vi.stubEnv("BASE_URL", BASE_URL);
  provider = await startOidcProvider({ redirectUris: [`${BASE_URL}/api/auth/oidc/callback`] });
  vi.stubEnv("OIDC_ISSUER", provider.issuer);
  vi.stubEnv("OIDC_CLIENT_ID", provider.clientId);
  vi.stubEnv("OIDC_CLIENT_SECRET", provider.clientSecret);
  vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", provider.host);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await provider.close();
});

/** A person at the provider; `email` defaults to a fresh one. */
function person(input: { email?: string; email_verified?: boolean } = {}) {
  const sub = randomUUID();
  const email = input.email ?? `${sub}@staff.example.org`;
  provider.addPerson({ sub, email, email_verified: input.email_verified ?? true });
  return { sub, email };
}

/** The whole browser round trip, then what it becomes. */
async function signIn(sub: string, signedInUserId: string | null = null) {
  const settings = oidcSettings()!;
  const start = await startOidcFlow(settings, {});
  const callbackUrl = await signInAtProvider(start.location, sub, oidcRedirectUri());
  const assertion = await finishOidcFlow(settings, { callbackUrl, cookie: start.cookie });
  return resolveOidcSignIn(settings, assertion, signedInUserId);
}

describe("single sign-on (lib/services/oidc-sign-in.ts)", () => {
  it("makes an account on the first sign-in, and signs in to it the next time", async () => {
    const { sub, email } = person();
    const first = await signIn(sub);
    expect(first.outcome).toBe("created");
    const again = await signIn(sub);
    expect(again).toEqual({ userId: first.userId, outcome: "signed_in" });
    expect(await listOidcIdentities({ id: first.userId })).toEqual([
      expect.objectContaining({ issuer: provider.issuer, email }),
    ]);
    // The provider verified the address: so is the account's, from the start.
    expect((await emailVerificationOf({ id: first.userId })).verifiedAt).toBeInstanceOf(Date);
    const unverified = await signIn(person({ email_verified: false }).sub);
    expect((await emailVerificationOf({ id: unverified.userId })).verifiedAt).toBeNull();
  });

  it("refuses to link to an account by an email the provider did not verify", async () => {
    const owner = await newUser();
    const { sub } = person({ email: owner.email, email_verified: false });
    await expect(signIn(sub)).rejects.toMatchObject({ reason: "link_needs_proof" });
    expect(await listOidcIdentities(owner)).toEqual([]);
  });

  it("links by a verified email, or to the account the browser is signed in to", async () => {
    const owner = await newUser();
    const verified = person({ email: owner.email.toUpperCase() });
    // Not while the account's own address is unverified here (pre-account takeover).
    await expect(signIn(verified.sub)).rejects.toMatchObject({ reason: "account_unverified" });
    await confirmEmailToken((await createEmailToken(owner, "verify")).token);
    expect(await signIn(verified.sub)).toEqual({ userId: owner.id, outcome: "linked" });

    const other = await newUser();
    const unverified = person({ email_verified: false });
    expect(await signIn(unverified.sub, other.id)).toEqual({ userId: other.id, outcome: "linked" });
    // Linked to `other`, it cannot be moved to the owner's account.
    await expect(signIn(unverified.sub, owner.id)).rejects.toMatchObject({
      reason: "identity_of_another_account",
    });
  });

  it("respects closed registration, unless the verified email's domain is allowed", async () => {
    vi.stubEnv("ALLOW_REGISTRATION", "false");
    try {
      await expect(signIn(person().sub)).rejects.toMatchObject({ reason: "registration_closed" });
      vi.stubEnv("OIDC_ALLOWED_DOMAINS", "staff.example.org");
      expect((await signIn(person().sub)).outcome).toBe("created");
      await expect(signIn(person({ email_verified: false }).sub)).rejects.toMatchObject({
        reason: "registration_closed",
      });
    } finally {
      vi.stubEnv("ALLOW_REGISTRATION", "");
      vi.stubEnv("OIDC_ALLOWED_DOMAINS", "");
    }
  });
});
