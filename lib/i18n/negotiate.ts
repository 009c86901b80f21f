import "server-only";
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/domain/locales";

/**
 * Picks the UI language from an Accept-Language header. Any Chinese variant
 * (zh, zh-TW, zh-Hans-SG…) gets Simplified Chinese, the only Chinese we ship:
 * it reads better to them than English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const known = negotiated.get(acceptLanguage);
  if (known) return known;
  const locale = negotiate(acceptLanguage);
  // Browsers send a handful of distinct headers; a client inventing new ones
  // only evicts the oldest (a Map iterates in insertion order).
  if (acceptLanguage.length <= MEMO_KEY_LENGTH) {
    if (negotiated.size >= MEMO_SIZE) negotiated.delete(negotiated.keys().next().value!);
    negotiated.set(acceptLanguage, locale);
  }
  return locale;
}

// Negotiation parses the header and builds Intl locales on every signed-out
// page: 13-24 % of such a page's CPU in issue 37's profile. Its answer
// depends on the header alone, so each worker remembers the last few.
const MEMO_SIZE = 256;
const MEMO_KEY_LENGTH = 256;
const negotiated = new Map<string, Locale>();

/** How many headers are remembered now (tests). */
export function negotiatedCount(): number {
  return negotiated.size;
}

function negotiate(acceptLanguage: string): Locale {
  let requested: string[];
  try {
    requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  } catch {
    return DEFAULT_LOCALE;
  }
  const valid = requested.filter((tag) => {
    if (tag === "*") return false;
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  });
  if (valid.length === 0) return DEFAULT_LOCALE;
  const best = match(valid, [...LOCALES], DEFAULT_LOCALE);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/** The locale in force: the user's setting, else the cookie, else the browser's. */
export function resolveLocale(input: {
  userLocale?: string | null;
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return negotiateLocale(input.acceptLanguage);
}
