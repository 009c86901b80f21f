// @ts-check
// The single sign-on settings (issue 35, docs/decisions/025-oidc.md), a part
// of the one settings table (./settings.mjs spreads them in), kept apart so
// that table stays one readable page.

import { flag, list, refuse } from "./setting-parsers.mjs";

/** @typedef {Record<string, string | undefined>} Env */

/**
 * @template T
 * @typedef {import("./settings.mjs").Setting<T>} Setting
 */

/** @param {string | undefined} raw */
function text(raw) {
  return raw ?? null;
}

export const OIDC_SETTINGS = {
  OIDC_ISSUER: /** @type {Setting<string | null>} */ ({
    default: "unset",
    doc: "The OpenID Connect issuer for single sign-on (its discovery document is read from it); unset, no single sign-on.",
    parse: (raw) => {
      if (raw === undefined) return null;
      /** @type {URL | null} */
      let url = null;
      try {
        url = new URL(raw);
      } catch {
        // reported below
      }
      // The guard (lib/net/outbound.ts) still refuses plain http unless the
      // host is in OUTBOUND_ALLOWED_HOSTS; here only the shape is checked.
      if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.hash) {
        throw refuse("OIDC_ISSUER", raw, "an absolute https URL");
      }
      // Kept as written: the provider's discovery document must name exactly it.
      return raw;
    },
  }),
  OIDC_CLIENT_ID: /** @type {Setting<string | null>} */ ({
    default: "unset",
    doc: "The client id CancelCase has at the issuer (needed with `OIDC_ISSUER`).",
    parse: (raw, env) => {
      if (raw === undefined && env.OIDC_ISSUER?.trim()) {
        throw new Error("OIDC_CLIENT_ID must be set when OIDC_ISSUER is");
      }
      return text(raw);
    },
  }),
  OIDC_CLIENT_SECRET: /** @type {Setting<string | null>} */ ({
    default: "unset",
    doc: "Its client secret; unset for a public client (PKCE alone).",
    parse: text,
  }),
  OIDC_LABEL: /** @type {Setting<string | null>} */ ({
    default: "unset",
    doc: "The sign-in button's label, e.g. `Authentik`; unset, a translated “Single sign-on”.",
    parse: text,
  }),
  OIDC_ALLOWED_DOMAINS: /** @type {Setting<string[]>} */ ({
    default: "unset",
    doc: "Email domains (comma-separated) whose first single sign-on makes an account even when `ALLOW_REGISTRATION=false`.",
    parse: list((item) => {
      const domain = item.toLowerCase().replace(/^@/, "");
      if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(domain)) {
        throw new Error(`OIDC_ALLOWED_DOMAINS must list email domains, got "${item}"`);
      }
      return domain;
    }),
  }),
  PASSWORD_LOGIN: /** @type {Setting<boolean>} */ ({
    default: "true",
    doc: "`false`: single sign-on only; password sign-in, tokens by password, sign-up and reset answer 403 (docs/operations.md).",
    parse: (raw, env) => {
      const allowed = flag("PASSWORD_LOGIN", true)(raw);
      // Without a provider, nobody could sign in at all.
      if (!allowed && !env.OIDC_ISSUER?.trim()) {
        throw new Error("PASSWORD_LOGIN=false needs OIDC_ISSUER: nobody could sign in");
      }
      return allowed;
    },
  }),
};
