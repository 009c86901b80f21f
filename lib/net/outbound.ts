import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { parse as legacyParse } from "node:url";
// ipaddr.js (2.5.0, MIT, Node >= 10): the address ranges (RFC 6890 and
// friends) come from a library that many servers already trust for this
// (Express's proxy-addr), rather than from a table of our own.
import ipaddr from "ipaddr.js";
import { outboundAllowedHosts } from "@/lib/config";

/*
 * The one way the server calls a URL that a user gave it (push endpoints
 * today; webhooks, ntfy and OIDC next). A user-supplied URL could point the
 * server at anything it can reach (a metadata service, an admin port on
 * loopback, the LAN), so:
 *
 * - checkOutboundUrl(url) accepts only strict URLs: https (http only for a
 *   host in OUTBOUND_ALLOWED_HOSTS), a host made of plain DNS labels (or an
 *   IP literal written canonically), no userinfo, no fragment, nothing that
 *   Node's legacy url.parse and the WHATWG URL parser could read as two
 *   different hosts (';', '\', '%', spaces, non-ASCII unless punycoded,
 *   numeric IPv4 forms like 0x7f000001 or 2130706433). It returns the parsed
 *   URL or throws OutboundRefused.
 * - guardedFetch(url, init, {maxBytes, timeoutMs}) sends to exactly that
 *   parsed URL, and checks the address at connect time (the lookup the
 *   socket itself uses), so a name that resolves to loopback, a private,
 *   link-local, CGNAT, multicast or otherwise special address is refused,
 *   even when DNS changes between a check and the send. It follows no
 *   redirect, and bounds the time and the size of the answer.
 *
 * OUTBOUND_ALLOWED_HOSTS (comma-separated host names or host:port) lets an
 * operator's own LAN or loopback service through both checks.
 */

export type OutboundRefusalReason =
  "url_invalid" | "scheme_not_allowed" | "address_not_allowed" | "response_too_large" | "timeout";

export class OutboundRefused extends Error {
  constructor(
    readonly reason: OutboundRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "OutboundRefused";
  }
}

export type OutboundOptions = {
  /** Hosts (or host:port) let through to private addresses and plain http; default OUTBOUND_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[];
  /** Name resolution, for tests; default node:dns lookup. */
  lookup?: typeof dnsLookup;
};

export type GuardedFetchOptions = OutboundOptions & {
  /** The largest answer body read; past it the request is aborted. */
  maxBytes: number;
  /** The whole exchange, from name lookup to the last byte. */
  timeoutMs: number;
};

export type GuardedResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
};

const URL_MAX_LENGTH = 2048;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
// scheme, host (DNS labels or a bracketed IPv6 literal), port, path and query
// in RFC 3986's characters; no userinfo, no fragment, no backslash, no space.
const STRICT_URL = new RegExp(
  `^(https?)://(${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?` +
    `(/[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*)?(\\?[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*)?$`,
  "i",
);

function refuse(reason: OutboundRefusalReason, message: string): never {
  throw new OutboundRefused(reason, message);
}

function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(url.hostname) || allowedHosts.includes(url.host);
}

/**
 * Whether the server may connect to this address: ordinary unicast only.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 one.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  // Everything else ipaddr.js names (loopback, private, linkLocal, uniqueLocal,
  // carrierGradeNat, unspecified, multicast, broadcast, reserved, 6to4,
  // teredo, rfc6052/rfc6145 translations…) is refused.
  return parsed.range() === "unicast";
}

/** The URL as it will be sent, or OutboundRefused. */
export function checkOutboundUrl(raw: string, options: OutboundOptions = {}): URL {
  const allowedHosts = options.allowedHosts ?? outboundAllowedHosts();
  if (raw.length > URL_MAX_LENGTH) refuse("url_invalid", "The URL is too long.");
  const strict = STRICT_URL.exec(raw);
  if (!strict) refuse("url_invalid", "The URL is not a plain http(s) URL.");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse("url_invalid", "The URL cannot be read.");
  }
  const [, , host, port] = strict;
  // Both parsers must read the same host, port and path: web-push, like much
  // of npm, reads URLs with the legacy url.parse.
  const legacy = legacyParse(raw);
  const agrees =
    url.hostname === host!.toLowerCase() &&
    legacy.hostname === url.hostname.replace(/^\[|\]$/g, "") &&
    (legacy.port ?? "") === url.port &&
    (port ?? "") === (legacy.port ?? "") &&
    legacy.path === `${url.pathname}${url.search}` &&
    legacy.protocol === url.protocol;
  if (!agrees) refuse("url_invalid", "The URL's host is written in an ambiguous way.");
  const allowed = isAllowedHost(url, allowedHosts);
  if (url.protocol !== "https:" && !allowed) {
    refuse("scheme_not_allowed", "Only https URLs may be called.");
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !allowed && !isPublicAddress(literal)) {
    refuse("address_not_allowed", "The URL points at a private or special address.");
  }
  return url;
}

/**
 * The lookup the socket uses: every address the name resolves to must be
 * public (a name with one public and one loopback address is refused whole),
 * unless the host is allowed.
 */
function guardedLookup(resolve: typeof dnsLookup, allowed: boolean): typeof dnsLookup {
  const guarded = (
    hostname: string,
    options: { all?: boolean; family?: number } | number,
    callback: (...args: unknown[]) => void,
  ) => {
    const wanted = typeof options === "number" ? { family: options } : (options ?? {});
    resolve(hostname, { ...wanted, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as LookupAddress[];
      if (list.length === 0) return callback(new Error(`${hostname} has no address`));
      if (!allowed && !list.every((entry) => isPublicAddress(entry.address))) {
        return callback(
          new OutboundRefused("address_not_allowed", `${hostname} resolves to a private address.`),
        );
      }
      if (wanted.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}

/**
 * Sends one request to a checked URL and reads the answer, bounded in time
 * and size. Never follows a redirect: a 3xx is returned as it came.
 */
export async function guardedFetch(
  target: string | URL,
  init: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string },
  options: GuardedFetchOptions,
): Promise<GuardedResponse> {
  const allowedHosts = options.allowedHosts ?? outboundAllowedHosts();
  const url = checkOutboundUrl(typeof target === "string" ? target : target.href, {
    ...options,
    allowedHosts,
  });
  const allowed = isAllowedHost(url, allowedHosts);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: GuardedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? "GET",
        headers: init.headers,
        // A fresh connection each time, made through the guarded lookup.
        agent: false,
        lookup: guardedLookup(options.lookup ?? dnsLookup, allowed),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            const tooLarge = new OutboundRefused(
              "response_too_large",
              `The answer is larger than ${options.maxBytes} bytes.`,
            );
            finish(tooLarge);
            request.destroy(tooLarge);
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          finish(null, {
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", (error) => finish(error));
      },
    );
    const timer = setTimeout(() => {
      const late = new OutboundRefused("timeout", `No answer within ${options.timeoutMs} ms.`);
      finish(late);
      request.destroy(late);
    }, options.timeoutMs);
    request.on("error", (error) => finish(error));
    request.end(init.body);
  });
}
