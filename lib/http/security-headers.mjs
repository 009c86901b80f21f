// @ts-check
// The headers every response carries, in one place: next.config.mjs gives
// them to what Next.js answers, server/middlewares/static-files.mjs to the
// build's files it serves itself.

/** For API responses and files: nothing there should ever execute or be framed. */
export const STRICT_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** @type {{ key: string, value: string }[]} */
export const COMMON_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
