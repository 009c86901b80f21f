// The client's address as the server saw it. server/http-server.mjs overwrites
// X-Forwarded-For with the socket's address (or, behind TRUST_PROXY, keeps
// what the proxy appended), so the last entry is the one to trust: a value a
// client typed itself never gets there.
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for") ?? "";
  const last = forwarded.split(",").pop()?.trim() ?? "";
  const address = last.startsWith("::ffff:") ? last.slice("::ffff:".length) : last;
  return address || "unknown";
}
