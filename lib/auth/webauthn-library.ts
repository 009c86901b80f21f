import "server-only";

/**
 * @simplewebauthn/server, loaded by the first passkey ceremony. Imported
 * statically, it came with every page that checks a session and cost each
 * serving worker about 4.3 MiB of heap (its X.509 and ASN.1 parsers) that
 * only passkey sign-in and registration use (issue 37, bench/memory.mjs).
 */
export const webauthnLibrary = () => import("@simplewebauthn/server");
