import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OIDC_FLOW_COOKIE } from "@/lib/auth/oidc-flow";
import { oidcSettings } from "@/lib/config";
import { findSessionUser } from "@/lib/data/sessions";
import { listSecurityEvents } from "@/lib/data/security-events";
import { listOidcIdentities } from "@/lib/data/oidc-identities";
import { beginOidcSignIn, completeOidcSignIn } from "@/lib/services/oidc-callback";
import { newUser } from "../support/fixtures";
import {
  signInAtProvider,
  startOidcProvider,
  type TestOidcProvider,
} from "../support/oidc-provider";

// The callback's whole work against a real provider (oidc-provider, started
// here): a sign-in ends in the same session a password sign-in makes (a
// Session row, next-auth's cookie with uid/sv/sid, the unseen-device entry),
// and every refusal is one code for the login page. next/headers is the
// request's: here, a cookie jar and a user agent of the test's own.

const request = vi.hoisted(() => ({
  jar: new Map<string, { value: string; options?: Record<string, unknown> }>(),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const cookie = request.jar.get(name);
      return cookie ? { name, value: cookie.value } : undefined;
    },
    set: (name: string, value: string, options?: Record<string, unknown>) =>
      request.jar.set(name, { value, options }),
  }),
  headers: async () => new Headers({ "user-agent": "Test Browser/1.0" }),
}));

const BASE_URL = "http://localhost:3997";
const SECRET = "a test secret of the session cookie, long enough";
let provider: TestOidcProvider;

beforeAll(async () => {
  vi.stubEnv("BASE_URL", BASE_URL);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
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

beforeEach(() => request.jar.clear());

function person(input: { email?: string; email_verified?: boolean } = {}) {
  const sub = randomUUID();
  const email = input.email ?? `${sub}@staff.example.org`;
  provider.addPerson({ sub, email, email_verified: input.email_verified ?? true });
  return { sub, email };
}

/** Start, the person at the provider, and the callback, as the two routes run them. */
async function roundTrip(
  sub: string,
  signedIn: Parameters<typeof completeOidcSignIn>[1]["signedIn"] = null,
  locale?: "en" | "zh-CN",
) {
  const settings = oidcSettings()!;
  const start = await beginOidcSignIn(settings, "/cases?state=open");
  if (!("location" in start)) throw new Error(`start refused: ${start.refused}`);
  const callbackUrl = await signInAtProvider(
    start.location,
    sub,
    `${BASE_URL}/api/auth/oidc/callback`,
  );
  return completeOidcSignIn(settings, {
    callbackUrl,
    flowCookie: start.flowCookie!,
    signedIn,
    locale,
  });
}

async function sessionOfJar() {
  const cookie = request.jar.get("next-auth.session-token");
  if (!cookie) return null;
  const token = await decode({ token: cookie.value, secret: SECRET });
  return { token, options: cookie.options };
}

describe("the single sign-on callback (lib/services/oidc-callback.ts)", () => {
  it("signs a new person in as the password path does: Session row, cookie, unseen device", async () => {
    const { sub, email } = person();
    expect(await roundTrip(sub, null, "zh-CN")).toEqual({ location: "/cases?state=open" });
    const session = await sessionOfJar();
    expect(session?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: false,
    });
    const { uid, sv, sid } = session!.token as { uid: string; sv: number; sid: string };
    const user = await findSessionUser(sid, uid, sv);
    // The account speaks the language the sign-in was made in.
    expect(user).toMatchObject({ id: uid, email, locale: "zh-CN" });
    const events = await listSecurityEvents(user!, { limit: 10 });
    expect(events.items.map((event) => event.kind)).toEqual(["sign_in_new_device"]);
    expect(request.jar.has("cc_device")).toBe(true);
  });

  it("names the cookie __Secure- when BASE_URL is https", async () => {
    const { sessionCookieDefinition } = await import("@/lib/auth/session-cookie");
    vi.stubEnv("BASE_URL", "https://cancel.example.com");
    try {
      expect(sessionCookieDefinition()).toMatchObject({
        name: "__Secure-next-auth.session-token",
        options: { secure: true },
      });
    } finally {
      vi.stubEnv("BASE_URL", BASE_URL);
    }
  });

  it("links while signed in without a new session, and refuses an unverified email match", async () => {
    const owner = await newUser();
    const unverified = person({ email: owner.email, email_verified: false });
    expect(await roundTrip(unverified.sub)).toEqual({ refused: "oidc_link_needs_proof" });
    expect(request.jar.has("next-auth.session-token")).toBe(false);
    // The provider verified the address, but this account never did: someone
    // may have signed up with it. Not linked, no session.
    const verifiedThere = person({ email: owner.email, email_verified: true });
    expect(await roundTrip(verifiedThere.sub)).toEqual({ refused: "oidc_account_unverified" });
    expect(request.jar.has("next-auth.session-token")).toBe(false);
    expect(await listOidcIdentities(owner)).toEqual([]);

    const signedIn = (await findSignedIn(owner.id))!;
    expect(await roundTrip(unverified.sub, signedIn)).toEqual({ location: "/cases?state=open" });
    expect(request.jar.has("next-auth.session-token")).toBe(false);
    // A new way into the account: in its security log, naming the identity.
    const events = await listSecurityEvents(owner, { limit: 10 });
    expect(events.items).toEqual([
      expect.objectContaining({
        kind: "oidc_linked",
        detail: `${owner.email} (${new URL(oidcSettings()!.issuer).host})`,
      }),
    ]);
  });

  it("refuses closed registration, a cancelled sign-in, a forged state and a missing flow", async () => {
    vi.stubEnv("ALLOW_REGISTRATION", "false");
    try {
      expect(await roundTrip(person().sub)).toEqual({ refused: "oidc_registration_closed" });
    } finally {
      vi.stubEnv("ALLOW_REGISTRATION", "");
    }
    const settings = oidcSettings()!;
    const cancelled = new URL(`${BASE_URL}/api/auth/oidc/callback?error=access_denied&state=x`);
    expect(
      await completeOidcSignIn(settings, {
        callbackUrl: cancelled,
        flowCookie: null,
        signedIn: null,
      }),
    ).toEqual({ refused: "oidc_provider" });

    const start = await beginOidcSignIn(settings, null);
    if (!("location" in start)) throw new Error("start refused");
    const answer = await signInAtProvider(
      start.location,
      person().sub,
      `${BASE_URL}/api/auth/oidc/callback`,
    );
    answer.searchParams.set("state", "forged");
    expect(
      await completeOidcSignIn(settings, {
        callbackUrl: answer,
        flowCookie: start.flowCookie!,
        signedIn: null,
      }),
    ).toEqual({ refused: "oidc_state" });
    expect(
      await completeOidcSignIn(settings, { callbackUrl: answer, flowCookie: null, signedIn: null }),
    ).toEqual({ refused: "oidc_state" });
    expect(request.jar.has("next-auth.session-token")).toBe(false);
    expect(request.jar.has(OIDC_FLOW_COOKIE)).toBe(false);
  });

  it("says the provider is unreachable when the outbound guard refuses it", async () => {
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "");
    try {
      expect(await beginOidcSignIn(oidcSettings()!, null)).toEqual({ refused: "oidc_unreachable" });
    } finally {
      vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", provider.host);
    }
  });
});

async function findSignedIn(userId: string) {
  const { findSignInUser } = await import("@/lib/data/oidc-identities");
  return findSignInUser(userId);
}
