import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// The proxy only redirects and sets the page CSP; it is never the guard.
// Every page, action and handler checks the session itself (DESIGN.md rule 3).
const SIGNED_IN_PATHS = [
  "/dashboard",
  "/subscriptions",
  "/cases",
  "/notes",
  "/notifications",
  "/settings",
  "/share",
];

function contentSecurityPolicy(nonce: string): string {
  const devEval = process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  // Only page loads are redirected: a server action posted by an open page
  // whose session has ended gets its own answer (requireUser's redirect,
  // which the page follows), not an HTML redirect it cannot read.
  const pageLoad = request.method === "GET" && !request.headers.has("next-action");
  if (pageLoad && SIGNED_IN_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = await getToken({ req: request });
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      const response = NextResponse.redirect(login);
      response.headers.set("Content-Security-Policy", csp);
      return response;
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // API routes answer for themselves (and uploads must not pass through a
  // proxy, which cuts bodies at 10 MB); build assets get next.config's CSP.
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
