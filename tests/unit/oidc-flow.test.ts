import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { oidcSettings } from "@/lib/config";
import { finishOidcFlow, oidcRedirectUri, startOidcFlow } from "@/lib/auth/oidc-flow";
import {
  signInAtProvider,
  startOidcProvider,
  type TestOidcProvider,
} from "@/tests/support/oidc-provider";

// The authorization code flow (PKCE, state, nonce) against a real provider
// started here: what the provider asserts reaches us only through a code
// exchanged with this browser's sealed cookie.

const BASE_URL = "http://localhost:3999";
let provider: TestOidcProvider;

beforeAll(async () => {
  vi.stubEnv("BASE_URL", BASE_URL);
  provider = await startOidcProvider({
    redirectUris: [`${BASE_URL}/api/auth/oidc/callback`],
    people: [
      { sub: "ada", email: "Ada@Example.com", email_verified: true },
      { sub: "eve", email: "ada@example.com", email_verified: false },
    ],
  });
  vi.stubEnv("OIDC_ISSUER", provider.issuer);
  vi.stubEnv("OIDC_CLIENT_ID", provider.clientId);
  vi.stubEnv("OIDC_CLIENT_SECRET", provider.clientSecret);
  vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", provider.host);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await provider.close();
});

const settings = () => oidcSettings()!;

async function signIn(login: string, returnTo?: string) {
  const start = await startOidcFlow(settings(), { returnTo });
  const callbackUrl = await signInAtProvider(start.location, login, oidcRedirectUri());
  return { start, callbackUrl };
}

describe("the OIDC sign-in flow (lib/auth/oidc-flow.ts)", () => {
  it("asks the provider with PKCE S256, a state and a nonce", async () => {
    const { location } = await startOidcFlow(settings(), {});
    const asked = new URL(location);
    expect(asked.origin).toBe(provider.issuer);
    expect(asked.searchParams.get("redirect_uri")).toBe(`${BASE_URL}/api/auth/oidc/callback`);
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
    expect(asked.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(asked.searchParams.get("state")).toBeTruthy();
    expect(asked.searchParams.get("nonce")).toBeTruthy();
  });

  it("comes back with the provider's subject and verified email", async () => {
    const { start, callbackUrl } = await signIn("ada", "/cases?x=1");
    const assertion = await finishOidcFlow(settings(), { callbackUrl, cookie: start.cookie });
    expect(assertion).toEqual({
      issuer: provider.issuer,
      subject: "ada",
      email: "ada@example.com",
      emailVerified: true,
      returnTo: "/cases?x=1",
    });
  });

  it("reports an unverified email as unverified", async () => {
    const { start, callbackUrl } = await signIn("eve");
    const assertion = await finishOidcFlow(settings(), { callbackUrl, cookie: start.cookie });
    expect(assertion).toMatchObject({
      subject: "eve",
      emailVerified: false,
      returnTo: "/dashboard",
    });
  });

  it("refuses an answer without this browser's cookie, or with another sign-in's", async () => {
    const { callbackUrl } = await signIn("ada");
    const other = await startOidcFlow(settings(), {});
    await expect(finishOidcFlow(settings(), { callbackUrl, cookie: null })).rejects.toMatchObject({
      reason: "flow_missing",
    });
    await expect(
      finishOidcFlow(settings(), { callbackUrl, cookie: other.cookie }),
    ).rejects.toMatchObject({ reason: "answer_refused" });
  });

  it("refuses a code used twice and a cookie past its ten minutes", async () => {
    const { start, callbackUrl } = await signIn("ada");
    await finishOidcFlow(settings(), { callbackUrl, cookie: start.cookie });
    await expect(
      finishOidcFlow(settings(), { callbackUrl, cookie: start.cookie }),
    ).rejects.toMatchObject({ reason: "answer_refused" });
    const late = await signIn("ada");
    await expect(
      finishOidcFlow(settings(), {
        callbackUrl: late.callbackUrl,
        cookie: late.start.cookie,
        now: new Date(Date.now() + 11 * 60 * 1000),
      }),
    ).rejects.toMatchObject({ reason: "flow_expired" });
  });

  it("refuses a returnTo that leaves the app", async () => {
    const { start, callbackUrl } = await signIn("ada", "//evil.example/");
    const assertion = await finishOidcFlow(settings(), { callbackUrl, cookie: start.cookie });
    expect(assertion.returnTo).toBe("/dashboard");
  });
});
