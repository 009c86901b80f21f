import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { oidcSettings } from "@/lib/config";
import { discoverOidc } from "@/lib/auth/oidc-client";
import { OutboundRefused } from "@/lib/net/outbound";
import { startOidcProvider, type TestOidcProvider } from "@/tests/support/oidc-provider";

// Discovery of a real OpenID provider (oidc-provider, started here on a free
// port of 127.0.0.1) through the outbound guard: the loopback issuer is
// reached only because OUTBOUND_ALLOWED_HOSTS names it.

let provider: TestOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: ["http://localhost:3000/api/auth/oidc/callback"],
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await provider.close();
});

/** The guard's refusal inside openid-client's ClientError, or what was thrown instead. */
async function refusalOf(work: Promise<unknown>): Promise<unknown> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return error instanceof Error && error.cause instanceof OutboundRefused ? error.cause : error;
}

function configure(allowedHosts: string) {
  vi.stubEnv("OIDC_ISSUER", provider.issuer);
  vi.stubEnv("OIDC_CLIENT_ID", provider.clientId);
  vi.stubEnv("OIDC_CLIENT_SECRET", provider.clientSecret);
  vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", allowedHosts);
  const settings = oidcSettings();
  if (!settings) throw new Error("the OIDC settings did not read");
  return settings;
}

describe("OpenID Connect discovery (lib/auth/oidc-client.ts)", () => {
  it("reads the provider's metadata when its host is allowed", async () => {
    const configuration = await discoverOidc(configure(provider.host));
    const metadata = configuration.serverMetadata();
    expect(metadata.issuer).toBe(provider.issuer);
    expect(metadata.authorization_endpoint).toBe(`${provider.issuer}/auth`);
    expect(metadata.token_endpoint).toBe(`${provider.issuer}/token`);
    expect(metadata.code_challenge_methods_supported).toContain("S256");
    expect(configuration.clientMetadata().client_id).toBe(provider.clientId);
  });

  it("is refused by the guard when the loopback issuer is not allowed", async () => {
    const refusal = await refusalOf(discoverOidc(configure("")));
    expect(refusal).toBeInstanceOf(OutboundRefused);
    expect((refusal as OutboundRefused).reason).toBe("scheme_not_allowed");
  });

  it("is refused for a loopback issuer over https too: the address is checked", async () => {
    vi.stubEnv("OIDC_ISSUER", provider.issuer.replace("http:", "https:"));
    vi.stubEnv("OIDC_CLIENT_ID", provider.clientId);
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "");
    const refusal = await refusalOf(discoverOidc(oidcSettings()!));
    expect(refusal).toBeInstanceOf(OutboundRefused);
    expect((refusal as OutboundRefused).reason).toBe("address_not_allowed");
  });

  it("reuses a discovery for five minutes per issuer and client, and keeps only a few", async () => {
    const settings = configure(provider.host);
    const reads = () =>
      provider.requests.filter((path) => path === "/.well-known/openid-configuration").length;
    // A moment no earlier test cached at.
    const t0 = Date.now() + 60 * 60 * 1000;
    const before = reads();
    const first = await discoverOidc(settings, t0);
    expect(await discoverOidc(settings, t0 + 4 * 60 * 1000)).toBe(first);
    expect(reads()).toBe(before + 1);
    // Past five minutes: read again.
    const second = await discoverOidc(settings, t0 + 5 * 60 * 1000 + 1);
    expect(second).not.toBe(first);
    expect(reads()).toBe(before + 2);
    // Four other clients push it out: bounded, the oldest goes first.
    for (const clientId of ["a", "b", "c", "d"]) {
      await discoverOidc({ ...settings, clientId }, t0 + 5 * 60 * 1000 + 2);
    }
    expect(await discoverOidc(settings, t0 + 5 * 60 * 1000 + 3)).not.toBe(second);
  });
});
