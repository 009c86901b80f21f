// Where to go after signing in. A `callbackUrl` comes from the address bar,
// so anyone can craft it: browsers and the URL parser drop tabs and line
// breaks and read backslashes as slashes, so "/\t/evil.example" is really
// "//evil.example", another host. The only safe test is the parser's own:
// resolve the value against the app's origin and keep it only when it stays
// there. The result is a path, never one a browser could read as a host.
export const AFTER_SIGN_IN = "/dashboard";

export function safeRedirectPath(value: string | null | undefined, origin: string): string {
  if (!value) return AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (url.origin !== new URL(origin).origin) return AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the pathname "//evil.example": same origin
  // as a URL, but a protocol-relative address once handed to the router.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\"))
    return AFTER_SIGN_IN;
  return path;
}
