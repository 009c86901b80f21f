// How long a new API token lives: a choice at creation, never "for ever"
// (docs/contract.md: tokens carry expiresAt; an expired one is 401).
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIMES_DAYS)[number];
export const DEFAULT_TOKEN_LIFETIME_DAYS: TokenLifetimeDays = 90;
