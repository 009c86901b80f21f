// Plain JavaScript, not next.config.ts: Next.js compiles a TypeScript config
// with SWC each time a server process starts, which maps SWC's 100 MB native
// binary into every worker (26 MiB of resident memory each, BENCHMARKS.md).
import createNextIntlPlugin from "next-intl/plugin";
import { isSet, setting } from "./lib/config/settings.mjs";
import { COMMON_HEADERS, STRICT_CSP } from "./lib/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages get a per-request nonce CSP from the custom server (server/http-server.mjs).
// API responses and build assets get the strict one (lib/http/security-headers.mjs).
// Next.js checks a server action's Origin against the Host header on its own.
// Our one Origin rule (lib/http/write-origin.mjs, applied first by
// server/http-server.mjs) also accepts BASE_URL's origin (the public name behind
// a proxy that rewrites Host), so Next.js is told to accept it as well.
function baseUrlHost() {
  try {
    return isSet("BASE_URL") ? new URL(setting("BASE_URL")).host : null;
  } catch {
    return null; // lib/config reports a malformed BASE_URL
  }
}

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The custom server compresses, faster than Next.js's gzip (server/http-server.mjs).
  compress: false,
  // subset-font loads harfbuzz's wasm by require.resolve at run time, and piscina starts its
  // worker threads from its own files: both stay plain packages.
  serverExternalPackages: ["subset-font", "harfbuzzjs", "fontverter", "piscina"],
  reactStrictMode: true,
  experimental: {
    serverActions: { allowedOrigins: [baseUrlHost()].filter((host) => host !== null) },
  },
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: STRICT_CSP },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
      // The API's OpenAPI document is the same for everyone until the next
      // deploy: cacheable. Later rules win, so this overrides no-store above.
      {
        source: "/api/v1/openapi.json",
        headers: [{ key: "Cache-Control", value: "public, max-age=3600" }],
      },
      // The client message catalogs (app/i18n): data, never a document.
      { source: "/i18n/:path*", headers: [{ key: "Content-Security-Policy", value: STRICT_CSP }] },
      // The service worker: always checked for a new version.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: STRICT_CSP }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
