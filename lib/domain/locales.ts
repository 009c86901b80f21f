// The languages CancelCase speaks: a user's preference, stored with the
// account and validated like any other field. Presentation (labels, the
// cookie, negotiation) is lib/i18n's.
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
