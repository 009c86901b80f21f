import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider for the tests (oidc-provider, the certified
// implementation; docs/decisions/025-oidc.md), on a free port of 127.0.0.1
// with one confidential client. Its accounts are the `people` given: the
// claims it asserts (email, email_verified) are what the tests decide.
// Its sign-in pages are the package's own development interactions, which
// take any login name and ask for consent: a test drives them like a browser.

export type TestPerson = { sub: string; email: string; email_verified: boolean };

export type TestOidcProvider = {
  issuer: string;
  /** host:port, for OUTBOUND_ALLOWED_HOSTS. */
  host: string;
  clientId: string;
  clientSecret: string;
  /**
   * Registers the client's redirect URIs when they were not known at start
   * (an app server whose port is picked after the issuer's): until then the
   * provider answers 503.
   */
  setRedirectUris(uris: string[]): void;
  /** The paths asked for so far, in order (a test counts discovery reads). */
  requests: string[];
  /** Adds (or replaces) an account at the provider, for the next sign-in. */
  addPerson(person: TestPerson): void;
  close(): Promise<void>;
};

export async function startOidcProvider(options: {
  redirectUris?: string[];
  people?: TestPerson[];
}): Promise<TestOidcProvider> {
  const people = new Map((options.people ?? []).map((person) => [person.sub, person]));
  const clientId = "cancelcase-test";
  const clientSecret = randomBytes(24).toString("base64url");
  // Listen first: the issuer must name the port the provider is reached on.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    format: "jwk",
  });
  const configure = (redirectUris: string[]) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris,
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      jwks: { keys: [{ ...signingKey, kid: "test-key", use: "sig", alg: "RS256" }] },
      cookies: { keys: [randomBytes(24).toString("base64url")] },
      claims: { openid: ["sub"], email: ["email", "email_verified"] },
      // PKCE for every client, as CancelCase always sends it.
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx, id) => {
        const person = people.get(id) ?? {
          sub: id,
          email: `${id}@example.test`,
          email_verified: false,
        };
        return { accountId: id, claims: () => ({ ...person }) };
      },
    });
    handler = provider.callback();
  };
  let handler: ReturnType<InstanceType<typeof Provider>["callback"]> | null = null;
  const requests: string[] = [];
  server.on("request", (request, response) => {
    requests.push(new URL(request.url ?? "/", issuer).pathname);
    if (handler) return void handler(request, response);
    response.statusCode = 503;
    response.end();
  });
  if (options.redirectUris) configure(options.redirectUris);
  return {
    issuer,
    host: `127.0.0.1:${port}`,
    clientId,
    clientSecret,
    setRedirectUris: configure,
    requests,
    addPerson: (person) => people.set(person.sub, person),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a person does at the provider: follows its redirects, signs in on its
 * login page as `login`, gives consent, and is sent back. Returns the URL the
 * provider sends the browser back to (the app's callback, with code and state).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let next: { url: string; form?: Record<string, string> } = { url: authorizationUrl };
  for (let step = 0; step < 20; step += 1) {
    if (next.url.startsWith(redirectUri)) return new URL(next.url);
    const response = await fetch(next.url, {
      method: next.form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(next.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: next.form ? new URLSearchParams(next.form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const cut = pair.indexOf("=");
      jar.set(pair.slice(0, cut), pair.slice(cut + 1));
    }
    const location = response.headers.get("location");
    if (location) {
      next = { url: new URL(location, next.url).href };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`the provider showed no form: ${page.slice(0, 300)}`);
    next = {
      url: new URL(action, next.url).href,
      form: prompt === "login" ? { prompt, login, password: "any" } : { prompt },
    };
  }
  throw new Error("the provider never sent the browser back");
}
