import "server-only";
// openid-client (6.8.9, MIT, Node >= 20; by the author of oidc-provider and
// jose, OpenID certified): the OpenID Connect client, chosen because its
// customFetch lets every call to the provider go through our outbound guard
// (docs/decisions/025-oidc.md).
import * as oidc from "openid-client";
import { outboundAllowedHosts, type OidcSettings } from "@/lib/config";
import { guardedFetch } from "@/lib/net/outbound";

// Discovery documents and key sets are a few KiB; a provider answering more
// is misconfigured or hostile.
const MAX_ANSWER_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

/** Headers as the guard read them, as a Fetch API Headers. */
function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * openid-client's fetch, through guardedFetch: https only (http for a host in
 * OUTBOUND_ALLOWED_HOSTS), no private address unless allowed, no redirect
 * followed, bounded time and size.
 */
export const guardedOidcFetch: oidc.CustomFetch = async (url, options) => {
  const body =
    options.body === undefined || options.body === null ? undefined : String(options.body);
  const answer = await guardedFetch(
    url,
    { method: options.method, headers: options.headers, body },
    { maxBytes: MAX_ANSWER_BYTES, timeoutMs: TIMEOUT_MS },
  );
  // A Response cannot carry a body with these statuses (nor one below 200).
  const empty = answer.status === 204 || answer.status === 304;
  return new Response(empty ? null : new Uint8Array(answer.body), {
    status: answer.status < 200 ? 502 : answer.status,
    headers: toHeaders(answer.headers),
  });
};

// Discovery documents change when the operator reconfigures the provider,
// not between two sign-ins: each start and callback reading it again would
// be two round trips (and a JWKS fetch) per sign-in. Kept per process, short
// and bounded: it is a copy of public metadata, not shared state (decision
// 020), and a stale one at worst fails a sign-in for five minutes.
const DISCOVERY_TTL_MS = 5 * 60 * 1000;
const DISCOVERY_CACHE_MAX = 4;
const discovered = new Map<string, { configuration: oidc.Configuration; until: number }>();

/**
 * The provider's configuration, read from its discovery document through the
 * guard (or reused for five minutes under the same settings and guard).
 * Plain http is asked for only when the issuer is http, and the guard still
 * refuses that unless its host is in OUTBOUND_ALLOWED_HOSTS.
 */
export async function discoverOidc(
  settings: OidcSettings,
  now = Date.now(),
): Promise<oidc.Configuration> {
  // Everything the configuration was made under: another client or guard is another entry.
  const key = JSON.stringify([
    settings.issuer,
    settings.clientId,
    settings.clientSecret,
    outboundAllowedHosts(),
  ]);
  const hit = discovered.get(key);
  if (hit && hit.until > now) return hit.configuration;
  const issuer = new URL(settings.issuer);
  const authentication = settings.clientSecret
    ? oidc.ClientSecretPost(settings.clientSecret)
    : oidc.None();
  const configuration = await oidc.discovery(issuer, settings.clientId, undefined, authentication, {
    [oidc.customFetch]: guardedOidcFetch,
    execute: issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
  });
  discovered.delete(key);
  // The oldest entry goes first (a Map keeps insertion order).
  if (discovered.size >= DISCOVERY_CACHE_MAX) discovered.delete(discovered.keys().next().value!);
  discovered.set(key, { configuration, until: now + DISCOVERY_TTL_MS });
  return configuration;
}
