import "server-only";
// openid-client (6.8.9, MIT, Node >= 20; by the author of oidc-provider and
// jose, OpenID certified): the OpenID Connect client, chosen because its
// customFetch lets every call to the provider go through our outbound guard
// (docs/decisions/025-oidc.md).
import * as oidc from "openid-client";
import type { OidcSettings } from "@/lib/config";
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

/**
 * The provider's configuration, read from its discovery document through the
 * guard. Plain http is asked for only when the issuer is http, and the guard
 * still refuses that unless its host is in OUTBOUND_ALLOWED_HOSTS.
 */
export async function discoverOidc(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const authentication = settings.clientSecret
    ? oidc.ClientSecretPost(settings.clientSecret)
    : oidc.None();
  return oidc.discovery(issuer, settings.clientId, undefined, authentication, {
    [oidc.customFetch]: guardedOidcFetch,
    execute: issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
  });
}
