// oidc-provider ships no types (8.x); the little tests/support/oidc-provider.ts calls.
declare module "oidc-provider" {
  import type http from "node:http";

  export type ClaimsOf = Record<string, unknown>;

  export type Account = {
    accountId: string;
    claims: (use: string, scope: string) => ClaimsOf | Promise<ClaimsOf>;
  };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    claims?: Record<string, string[] | null>;
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: () => boolean };
    findAccount?: (ctx: unknown, id: string) => Account | undefined | Promise<Account | undefined>;
  };

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    proxy: boolean;
    callback(): (request: http.IncomingMessage, response: http.ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
